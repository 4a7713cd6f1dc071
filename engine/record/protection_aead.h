// TLS 1.2 AEAD protection (RFC 5246 §6.2.3.3): AES-GCM with an 8-byte
// explicit nonce carried in the record after a 4-byte salt from the key block
// (RFC 5288 §3), ChaCha20-Poly1305 with the 12-byte fixed IV XOR the sequence
// number and nothing explicit (RFC 7905 §2). The additional data is
// seq + type + version + plaintext length.
#pragma once

#include "engine/crypto/cipher.h"
#include "engine/record/protection.h"

namespace gauntlet {

enum class AeadNonce {
  explicit_counter,  // RFC 5288: salt || explicit 8 bytes sent in the record
  xor_sequence,      // RFC 7905: iv XOR seq, nothing sent
};

class AeadProtection final : public RecordProtection {
 public:
  AeadProtection(AeadCipher cipher, Bytes fixed_iv, AeadNonce nonce)
      : cipher_(std::move(cipher)), fixed_iv_(std::move(fixed_iv)), nonce_(nonce) {}

  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;
  // Also takes an explicit nonce of our choosing (RFC 5288 forms only).
  Result<Bytes> seal_shaped(ContentType type, ProtocolVersion version, ByteView plaintext,
                            const SealShape& shape) override;

 private:
  Result<Bytes> seal_with(ContentType type, ProtocolVersion version, ByteView plaintext,
                          const std::optional<Bytes>& explicit_nonce);

  AeadCipher cipher_;
  Bytes fixed_iv_;
  AeadNonce nonce_;
};

// The per-record nonce of RFC 7905 §2 and RFC 8446 §5.3: the 64-bit sequence
// number, left-padded to the IV length, XORed into the IV.
Bytes xor_nonce(ByteView iv, uint64_t seq);

}  // namespace gauntlet
