#include "engine/record/protection_tls13.h"

#include <limits>

#include "engine/base/writer.h"
#include "engine/record/protection_aead.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

Bytes record_header(ContentType type, ProtocolVersion version, size_t length) {
  Writer w;
  w.u8(static_cast<uint8_t>(type));
  w.u16(static_cast<uint16_t>(version));
  w.u16(static_cast<uint16_t>(length));
  return w.take();
}

// Every TLS 1.3 AEAD's nonce, and so its IV (RFC 8446 §5.3).
constexpr size_t kIvSize = 12;

// floor(2^24.5) and floor(2^23.5).
constexpr uint64_t kGcmRecordLimit = 23'726'566;
constexpr uint64_t kCcmRecordLimit = 11'863'283;

}  // namespace

Bytes tls13_inner_plaintext(ContentType type, ByteView content, size_t padding) {
  Writer inner;
  inner.bytes(content);
  inner.u8(static_cast<uint8_t>(type));
  inner.bytes(Bytes(padding, 0));
  return inner.take();
}

Result<OpenedRecord> open_tls13_inner_plaintext(Bytes inner) {
  while (!inner.empty() && inner.back() == 0) inner.pop_back();
  if (inner.empty()) {
    return Error{AlertDescription::unexpected_message, "TLS 1.3 record with no content type"};
  }
  const std::optional<ContentType> inner_type = known_content_type(inner.back());
  inner.pop_back();
  if (Status s = check_plaintext_size(inner.size(), false); !s) return s.error();
  if (!inner_type) {
    return Error{AlertDescription::unexpected_message, "TLS 1.3 record of unknown inner type"};
  }
  return OpenedRecord{*inner_type, std::move(inner)};
}

uint64_t tls13_record_limit(CipherAlgorithm aead) {
  switch (aead) {
    case CipherAlgorithm::aes_128_gcm:
    case CipherAlgorithm::aes_256_gcm:
      return kGcmRecordLimit;
    case CipherAlgorithm::aes_128_ccm:
    case CipherAlgorithm::aes_128_ccm_8:
      return kCcmRecordLimit;
    default:
      return std::numeric_limits<uint64_t>::max();
  }
}

Result<Bytes> Tls13Protection::seal(ContentType type, ProtocolVersion, ByteView plaintext) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  return seal_inner(type, plaintext, padding_.padding_for(plaintext.size()));
}

// Built to order, none of seal()'s limits apply: a type byte of any value (0:
// no content type, §5.4), any run of zero padding, a plaintext past 2^14 or
// a ciphertext past 2^14+256 (§5.2), the tag flipped.
Result<Bytes> Tls13Protection::seal_shaped(ContentType type, ProtocolVersion, ByteView plaintext,
                                           const SealShape& shape) {
  if (auto st = check_tls13_shape(shape); !st) return st.error();
  auto sealed =
      seal_inner(type, plaintext, shape.padding.value_or(padding_.padding_for(plaintext.size())));
  if (sealed && shape.flip_mac) sealed->back() ^= 0x01;
  return sealed;
}

Result<Bytes> Tls13Protection::seal_inner(ContentType type, ByteView plaintext, size_t padding) {
  if (next_sequence() >= limit_) {
    return internal_error("TLS 1.3 key at its AEAD's record limit: KeyUpdate first (RFC 8446 §5.5)");
  }
  auto seq = seq_.take();
  if (!seq) return seq.error();
  const Bytes inner = tls13_inner_plaintext(type, plaintext, padding);
  const Bytes aad = record_header(ContentType::application_data, ProtocolVersion::tls12,
                                  inner.size() + cipher_.tag_size());
  return cipher_.seal(xor_nonce(iv_, *seq), aad, inner);
}

Status check_tls13_shape(const SealShape& shape) {
  if (shape.padding_length || shape.padding_fill || shape.flip_padding_at || shape.explicit_nonce) {
    return internal_error("a TLS 1.3 record has only zero padding to shape (RFC 8446 §5.4)");
  }
  return ok_status();
}

Status check_tls13_outer_record(ContentType type, size_t length) {
  if (type != ContentType::application_data) {
    return Error{AlertDescription::unexpected_message,
                 "protected TLS 1.3 record of type " + iana_name(type)};
  }
  if (length > kMaxTls13Ciphertext) return record_overflow("TLS 1.3 ciphertext over 2^14+256 bytes");
  return ok_status();
}

Result<OpenedRecord> Tls13Protection::open(ContentType type, ProtocolVersion version,
                                           ByteView fragment) {
  if (auto st = check_tls13_outer_record(type, fragment.size()); !st) return st.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  if (fragment.size() < cipher_.tag_size() + 1) return bad_record_mac("TLS 1.3 record too short");
  auto inner =
      cipher_.open(xor_nonce(iv_, *seq), record_header(type, version, fragment.size()), fragment);
  if (!inner) return inner.error();
  return open_tls13_inner_plaintext(std::move(inner).value());
}

Result<std::unique_ptr<Tls13Protection>> make_tls13_protection(CipherAlgorithm aead,
                                                                ByteView key, Bytes iv) {
  if (iv.size() != kIvSize) return internal_error("TLS 1.3 needs a 12-byte IV");
  auto cipher = AeadCipher::create(aead, key);
  if (!cipher) return cipher.error();
  return std::make_unique<Tls13Protection>(aead, std::move(*cipher), std::move(iv));
}

}  // namespace gauntlet
