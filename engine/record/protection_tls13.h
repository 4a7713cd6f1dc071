// TLS 1.3 record protection (RFC 8446 §5.2–5.5): the content type moves into
// the encrypted TLSInnerPlaintext (content || type || zero padding), the outer
// record says application_data with version 0x0303, the additional data is
// the record header, and the nonce is the IV XOR the sequence number. Each
// key seals at most its AEAD's record limit (§5.5): key_update_due() says
// when the connection must send a KeyUpdate, and sealing past the limit is
// refused.
#pragma once

#include <cstdint>
#include <memory>

#include "engine/crypto/cipher.h"
#include "engine/record/protection.h"
#include "engine/record/tls13_padding.h"

namespace gauntlet {

// Records one key may protect (RFC 8446 §5.5): 2^24.5 for AES-GCM; for
// AES-CCM(-8) 2^23.5, RFC 9147 §4.5.3's confidentiality limit; ChaCha20-
// Poly1305's sequence number wraps first, so its limit is 2^64 - 1.
uint64_t tls13_record_limit(CipherAlgorithm aead);
// How many records before the limit a KeyUpdate becomes due, so the
// connection can finish what it is writing under the old key.
constexpr uint64_t kKeyUpdateHeadroom = 1024;

// TLSInnerPlaintext (RFC 8446 §5.2): the content, its type, `padding` zeros.
Bytes tls13_inner_plaintext(ContentType type, ByteView content, size_t padding);
// The reverse (§5.4): the type is the last non-zero byte; none, or one
// unknown, is unexpected_message, content over 2^14 record_overflow.
Result<OpenedRecord> open_tls13_inner_plaintext(Bytes inner);
// The shapes a TLS 1.3 record can be sealed to (§5.4: zero padding of any
// length, and the tag): internal_error for a CBC padding field or an
// explicit nonce, which it does not have.
Status check_tls13_shape(const SealShape& shape);
// The outer record a TLS 1.3 protection opens (RFC 8446 §5.2): type
// application_data (else unexpected_message), at most 2^14+256 bytes (else
// record_overflow).
Status check_tls13_outer_record(ContentType type, size_t length);

class Tls13Protection final : public RecordProtection {
 public:
  Tls13Protection(CipherAlgorithm aead, AeadCipher cipher, Bytes iv)
      : limit_(tls13_record_limit(aead)), cipher_(std::move(cipher)), iv_(std::move(iv)) {}

  // `version` is ignored: the outer record always says TLS 1.2 (RFC 8446 §5.1).
  // internal_error once the key's record limit is reached.
  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  // `shape.padding`: that many zero bytes after the type; `flip_mac`: the tag.
  Result<Bytes> seal_shaped(ContentType type, ProtocolVersion version, ByteView plaintext,
                            const SealShape& shape) override;
  // `type` must be application_data; the opened record carries the inner type.
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;
  ContentType outer_type(ContentType) const override { return ContentType::application_data; }

  void set_padding(Tls13Padding padding) { padding_ = padding; }
  // True once this key is within kKeyUpdateHeadroom records of its limit.
  bool key_update_due() const override { return next_sequence() >= limit_ - kKeyUpdateHeadroom; }

 private:
  Result<Bytes> seal_inner(ContentType type, ByteView plaintext, size_t padding);

  uint64_t limit_;
  AeadCipher cipher_;
  Bytes iv_;
  Tls13Padding padding_ = Tls13Padding::none();
};

// The TLS 1.3 protection of one traffic key, typed so the connection can set
// its padding and ask when to update it; internal_error for a cipher that is
// not an AEAD, a wrong key size or an IV other than 12 bytes.
Result<std::unique_ptr<Tls13Protection>> make_tls13_protection(CipherAlgorithm aead,
                                                                ByteView key, Bytes iv);

}  // namespace gauntlet
