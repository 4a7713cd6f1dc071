// TLS 1.3 record protection (RFC 8446 §5.2–5.4): the content type moves into
// the encrypted TLSInnerPlaintext (content || type || zero padding), the outer
// record says application_data with version 0x0303, the additional data is
// the record header, and the nonce is the IV XOR the sequence number.
#pragma once

#include "engine/crypto/cipher.h"
#include "engine/record/protection.h"

namespace gauntlet {

class Tls13Protection final : public RecordProtection {
 public:
  Tls13Protection(AeadCipher cipher, Bytes iv) : cipher_(std::move(cipher)), iv_(std::move(iv)) {}

  // `version` is ignored: the outer record always says TLS 1.2 (RFC 8446 §5.1).
  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  // `type` must be application_data; the opened record carries the inner type.
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;
  // Zero bytes appended to each inner plaintext (RFC 8446 §5.4).
  void set_padding(size_t bytes) { padding_ = bytes; }

 private:
  AeadCipher cipher_;
  Bytes iv_;
  size_t padding_ = 0;
};

}  // namespace gauntlet
