// TLS 1.3 records without the AEAD, for fuzzer mode (Config::fuzzer_mode):
// the TLSInnerPlaintext in the clear under an application_data header
// (RFC 8446 §5.2), padded as asked (§5.4). Mutated transcripts then still
// reach the inner type, the padding and the outer-type rule, and a record
// the fuzzer writes needs no key.
#pragma once

#include "engine/record/protection.h"
#include "engine/record/tls13_padding.h"

namespace gauntlet {

class Tls13NullProtection final : public RecordProtection {
 public:
  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  // `shape.padding`: that many zero bytes after the type; there is no tag
  // to flip.
  Result<Bytes> seal_shaped(ContentType type, ProtocolVersion version, ByteView plaintext,
                            const SealShape& shape) override;
  // `type` must be application_data, as under keys.
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;
  ContentType outer_type(ContentType) const override { return ContentType::application_data; }

  void set_padding(Tls13Padding padding) { padding_ = padding; }

 private:
  Tls13Padding padding_ = Tls13Padding::none();
};

}  // namespace gauntlet
