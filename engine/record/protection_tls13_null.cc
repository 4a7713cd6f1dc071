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

// As Tls13Protection::seal_shaped builds a record to order (any type byte,
// any run of zero padding, no size limit), without the AEAD.
Result<Bytes> Tls13NullProtection::seal_shaped(ContentType type, ProtocolVersion,
                                               ByteView plaintext, const SealShape& shape) {
  if (shape.flip_mac) return internal_error("a TLS 1.3 record in the clear has no tag to flip");
  if (auto st = check_tls13_shape(shape); !st) return st.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  return tls13_inner_plaintext(
      type, plaintext, shape.padding.value_or(padding_.padding_for(plaintext.size())));
}

Result<OpenedRecord> Tls13NullProtection::open(ContentType type, ProtocolVersion,
                                               ByteView fragment) {
  if (auto st = check_tls13_outer_record(type, fragment.size()); !st) return st.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  return open_tls13_inner_plaintext(Bytes(fragment.begin(), fragment.end()));
}

}  // namespace gauntlet
