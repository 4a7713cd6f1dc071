#include "engine/record/protection_tls13.h"

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

}  // namespace

Result<Bytes> Tls13Protection::seal(ContentType type, ProtocolVersion, ByteView plaintext) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  const size_t inner_size = plaintext.size() + 1 + padding_;
  if (inner_size + cipher_.tag_size() > kMaxTls13Ciphertext) {
    return internal_error("TLS 1.3 padding makes the record too long");
  }
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Writer inner;
  inner.bytes(plaintext);
  inner.u8(static_cast<uint8_t>(type));
  inner.bytes(Bytes(padding_, 0));
  const Bytes aad = record_header(ContentType::application_data, ProtocolVersion::tls12,
                                  inner_size + cipher_.tag_size());
  return cipher_.seal(xor_nonce(iv_, *seq), aad, inner.data());
}

Result<OpenedRecord> Tls13Protection::open(ContentType type, ProtocolVersion version,
                                           ByteView fragment) {
  if (type != ContentType::application_data) {
    return Error{AlertDescription::unexpected_message,
                 "protected TLS 1.3 record of type " + iana_name(type)};
  }
  if (fragment.size() > kMaxTls13Ciphertext) {
    return record_overflow("TLS 1.3 ciphertext over 2^14+256 bytes");
  }
  auto seq = seq_.take();
  if (!seq) return seq.error();
  if (fragment.size() < cipher_.tag_size() + 1) return bad_record_mac("TLS 1.3 record too short");
  auto inner =
      cipher_.open(xor_nonce(iv_, *seq), record_header(type, version, fragment.size()), fragment);
  if (!inner) return inner.error();
  // RFC 8446 §5.4: the real type is the last non-zero byte.
  while (!inner->empty() && inner->back() == 0) inner->pop_back();
  if (inner->empty()) {
    return Error{AlertDescription::unexpected_message, "TLS 1.3 record with no content type"};
  }
  const std::optional<ContentType> inner_type = known_content_type(inner->back());
  inner->pop_back();
  if (Status s = check_plaintext_size(inner->size(), false); !s) return s.error();
  if (!inner_type) {
    return Error{AlertDescription::unexpected_message, "TLS 1.3 record of unknown inner type"};
  }
  return OpenedRecord{*inner_type, std::move(*inner)};
}

}  // namespace gauntlet
