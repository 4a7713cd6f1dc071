// AEAD protection. TLS 1.2: AES-GCM with an 8-byte explicit nonce carried in
// the record after a 4-byte salt (RFC 5288 §3), ChaCha20-Poly1305 with the
// fixed IV XOR the sequence number and nothing explicit (RFC 7905 §2); the
// additional data is seq + type + version + length (RFC 5246 §6.2.3.3).
// TLS 1.3 (RFC 8446 §5.2–5.4): the content type moves inside the encrypted
// record, the outer record says application_data, and the additional data is
// the record header.
#pragma once

#include "engine/crypto/cipher.h"
#include "engine/record/protection.h"
#include "engine/record/sequence_number.h"

namespace gauntlet {

class AeadProtection final : public RecordProtection {
 public:
  AeadProtection(AeadCipher cipher, Bytes fixed_iv, bool explicit_nonce)
      : cipher_(std::move(cipher)), fixed_iv_(std::move(fixed_iv)), explicit_(explicit_nonce) {}

  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version,
                            ByteView fragment) override;

 private:
  AeadCipher cipher_;
  Bytes fixed_iv_;
  bool explicit_;
  SequenceNumber seq_;
};

class Tls13Protection final : public RecordProtection {
 public:
  Tls13Protection(AeadCipher cipher, Bytes iv) : cipher_(std::move(cipher)), iv_(std::move(iv)) {}

  // version is ignored: TLS 1.3 records always say TLS 1.2 (RFC 8446 §5.1).
  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  // type must be application_data; the opened record carries the inner type.
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version,
                            ByteView fragment) override;
  // Zero bytes appended to each inner plaintext (RFC 8446 §5.4).
  void set_padding(size_t bytes) { padding_ = bytes; }

 private:
  AeadCipher cipher_;
  Bytes iv_;
  size_t padding_ = 0;
  SequenceNumber seq_;
};

// The per-record nonce of RFC 7905 §2 and RFC 8446 §5.3: the 64-bit sequence
// number, left-padded to the IV length, XORed into the IV.
Bytes xor_nonce(ByteView iv, uint64_t seq);

}  // namespace gauntlet
