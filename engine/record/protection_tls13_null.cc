#include "engine/record/protection_tls13_null.h"

#include "engine/record/protection_tls13.h"
#include "engine/record/record_header.h"

namespace gauntlet {

Result<Bytes> Tls13NullProtection::seal(ContentType type, ProtocolVersion, ByteView plaintext) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  return tls13_inner_plaintext(type, plaintext, padding_.padding_for(plaintext.size()));
}

Result<Bytes> Tls13NullProtection::seal_shaped(ContentType type, ProtocolVersion version,
                                               ByteView plaintext, const SealShape& shape) {
  if (shape.flip_mac) return internal_error("a TLS 1.3 record in the clear has no tag to flip");
  return RecordProtection::seal_shaped(type, version, plaintext, shape);
}

Result<OpenedRecord> Tls13NullProtection::open(ContentType type, ProtocolVersion,
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
  return open_tls13_inner_plaintext(Bytes(fragment.begin(), fragment.end()));
}

}  // namespace gauntlet
