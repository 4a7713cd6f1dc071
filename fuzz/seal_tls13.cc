// Sealing a TLS 1.3 record to a shape the fuzzer chooses (RFC 8446 §5.2,
// §5.4, §5.5), as the conformance runner seals its shaped records, then
// opening it: under each AEAD's fixed keys, and in the clear as fuzzer mode
// writes records.
//
//   u8 variant: bits 0-2 the protection (the five AEADs of
//      protection_variants(tls13), then 5-7: in the clear), bit 3 the tag
//      flipped, bits 4-5 the sequence number (0; or 1024, 1 or 0 records
//      short of the key's limit; the clear form has no limit and starts at
//      0) | u8 inner type (any value) |
//   u16 padding | plaintext
//
// Oracle: past its key's limit a record is refused (internal_error) and a
// key within kKeyUpdateHeadroom of it says a KeyUpdate is due; a flipped tag
// is bad_record_mac, and a record in the clear has none to flip. Otherwise
// the record opens as §5.4 reads it: over 2^14+256 bytes record_overflow; a
// known type gives the type and plaintext sealed (record_overflow for over
// 2^14 bytes of it); type 0 gives the plaintext up to its last non-zero
// byte as content and type, or a refusal; an unknown type is refused.
#include <algorithm>
#include <memory>
#include <optional>

#include "engine/base/reader.h"
#include "engine/crypto/random.h"
#include "engine/record/protection_tls13.h"
#include "engine/record/protection_tls13_null.h"
#include "engine/record/record_header.h"
#include "engine/registry/content_type.h"
#include "fuzz/crypto/fixed_keys.h"
#include "fuzz/oracle.h"

namespace gauntlet::fuzzing {
namespace {

constexpr int kVariantBits = 0x07;
constexpr int kFlipTag = 0x08;
constexpr int kSequenceShift = 4;

struct Sealer {
  std::unique_ptr<RecordProtection> seal, open;
  std::optional<uint64_t> limit;  // records under one key (§5.5); none in the clear
};

Sealer make(uint8_t selector, DeterministicRandom& random) {
  const auto& aeads = protection_variants(ProtectionMode::tls13);
  const size_t which = selector & kVariantBits;
  if (which >= aeads.size()) {
    return {std::make_unique<Tls13NullProtection>(), std::make_unique<Tls13NullProtection>(),
            std::nullopt};
  }
  const ProtectionVariant& v = aeads[which];
  return {fixed_protection(v, CipherDirection::encrypt, random),
          fixed_protection(v, CipherDirection::decrypt, random), tls13_record_limit(v.cipher)};
}

// §5.4: the content is what precedes the last non-zero byte, the type.
bool reads_as_sent_without_type(const OpenedRecord& opened, ByteView plaintext) {
  const size_t n = opened.plaintext.size();
  return n < plaintext.size() && std::ranges::equal(opened.plaintext, plaintext.first(n)) &&
         plaintext[n] == static_cast<uint8_t>(opened.type) &&
         std::ranges::all_of(plaintext.subspan(n + 1), [](uint8_t b) { return b == 0; });
}

bool refused_with(const Result<OpenedRecord>& opened, AlertDescription alert) {
  return !opened && opened.error().alert == alert;
}

void seal_then_open(const uint8_t* data, size_t size) {
  Reader r(ByteView(data, size));
  uint8_t selector = 0, type_byte = 0;
  uint16_t padding = 0;
  if (!r.u8(selector) || !r.u8(type_byte) || !r.u16(padding)) return;
  const ByteView plaintext = r.rest();
  DeterministicRandom random(0);
  Sealer s = make(selector, random);
  const bool flip = selector & kFlipTag;
  bool refused = !s.limit && flip;
  // The sequence number, both ways: the AEAD's nonce follows it (§5.3).
  if (s.limit) {
    const uint64_t limit = *s.limit;
    const uint64_t starts[] = {0, limit - kKeyUpdateHeadroom, limit - 1, limit};
    const uint64_t start = starts[(selector >> kSequenceShift) & 3];
    s.seal->set_next_sequence(start);
    s.open->set_next_sequence(start);
    if (s.seal->key_update_due() != (start >= limit - kKeyUpdateHeadroom)) fuzz::oracle_failed();
    refused = start >= limit;
  }
  const ContentType type = static_cast<ContentType>(type_byte);
  auto sealed = s.seal->seal_shaped(type, ProtocolVersion::tls12, plaintext,
                                    SealShape{.flip_mac = flip, .padding = padding});
  if (refused) {
    if (sealed || sealed.error().alert != AlertDescription::internal_error) fuzz::oracle_failed();
    return;
  }
  if (!sealed) fuzz::oracle_failed();
  const auto opened = s.open->open(ContentType::application_data, ProtocolVersion::tls12, *sealed);
  if (sealed->size() > kMaxTls13Ciphertext) {
    if (!refused_with(opened, AlertDescription::record_overflow)) fuzz::oracle_failed();
  } else if (flip) {
    if (!refused_with(opened, AlertDescription::bad_record_mac)) fuzz::oracle_failed();
  } else if (type_byte == 0) {
    if (opened ? !reads_as_sent_without_type(*opened, plaintext)
               : !refused_with(opened, AlertDescription::unexpected_message) &&
                     !refused_with(opened, AlertDescription::record_overflow)) {
      fuzz::oracle_failed();
    }
  } else if (!known_content_type(type_byte)) {
    if (!refused_with(opened, AlertDescription::unexpected_message) &&
        !refused_with(opened, AlertDescription::record_overflow)) {
      fuzz::oracle_failed();
    }
  } else if (plaintext.size() > kMaxPlaintext) {
    if (!refused_with(opened, AlertDescription::record_overflow)) fuzz::oracle_failed();
  } else if (!opened || opened->type != type || !std::ranges::equal(opened->plaintext, plaintext)) {
    fuzz::oracle_failed();
  }
}

}  // namespace
}  // namespace gauntlet::fuzzing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::seal_then_open(data, size);
  return 0;
}
