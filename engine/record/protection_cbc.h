// CBC block-cipher protection with HMAC (RFC 5246 §6.2.3.2): SSL 3.0 padding
// and MAC (RFC 6101 §5.2.3.2), the TLS 1.0 implicit IV chained from the
// previous record, TLS 1.1+ explicit per-record IVs, and encrypt-then-MAC
// (RFC 7366). Padding and MAC of a MAC-then-encrypt record are checked in
// constant time, so a failure reveals nothing through timing (Lucky13,
// padding oracles): every failure is the same bad_record_mac.
#pragma once

#include "engine/crypto/cipher.h"
#include "engine/crypto/random.h"
#include "engine/record/protection.h"
#include "engine/record/record_mac.h"

namespace gauntlet {

class CbcProtection final : public RecordProtection {
 public:
  CbcProtection(ProtocolVersion version, CbcCipher cipher, RecordMac mac, bool encrypt_then_mac,
                RandomSource* random, bool unchecked_padding = false);

  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override {
    return seal_shaped(type, version, plaintext, {});
  }
  Result<Bytes> seal_shaped(ContentType type, ProtocolVersion version, ByteView plaintext,
                            const SealShape& shape) override;
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;

 private:
  // Appends the padding and its length byte (RFC 5246 §6.2.3.2), shaped.
  Status pad(Bytes& data, const SealShape& shape) const;
  // Encrypts in place; with explicit IVs prepends a fresh one.
  // `iv`: the explicit IV to send, random when not given.
  Result<Bytes> encrypt(Bytes data, const std::optional<Bytes>& iv);
  Result<OpenedRecord> open_mac_then_encrypt(uint64_t seq, ContentType type,
                                             ProtocolVersion version, ByteView fragment);
  Result<OpenedRecord> open_encrypt_then_mac(uint64_t seq, ContentType type,
                                             ProtocolVersion version, ByteView fragment);
  // Decrypts fragment (IV first if explicit) into a new buffer.
  Result<Bytes> decrypt(ByteView fragment);

  ProtocolVersion version_;
  CbcCipher cipher_;
  RecordMac mac_;
  bool encrypt_then_mac_;
  RandomSource* random_;
  bool unchecked_padding_;  // ProtectionParams::unchecked_padding
};

// The constant-time check of a decrypted MAC-then-encrypt record: all-ones if
// its padding is valid and the MAC matches, and the plaintext length (only
// meaningful when valid). Exposed for tests.
struct CbcCheck {
  uint8_t good;
  size_t length;
};
// `padding_content`: whether the padding bytes are checked (false: the
// lax receiver of ProtectionParams::unchecked_padding).
CbcCheck check_cbc_record(ProtocolVersion version, size_t block_size, const RecordMac& mac,
                          uint64_t seq, ContentType type, ProtocolVersion record_version,
                          ByteView decrypted, bool padding_content = true);

}  // namespace gauntlet
