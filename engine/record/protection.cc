#include "engine/record/protection.h"

#include "engine/record/protection_aead.h"
#include "engine/record/protection_cbc.h"
#include "engine/record/protection_null.h"
#include "engine/record/protection_stream.h"
#include "engine/record/protection_tls13.h"
#include "engine/record/record_header.h"
#include "engine/record/record_mac.h"

namespace gauntlet {
namespace {

using ProtectionPtr = std::unique_ptr<RecordProtection>;

Status check_params(const ProtectionParams& p) {
  const CipherKind kind = cipher_kind(p.cipher);
  if (p.key.size() != cipher_key_size(p.cipher)) return internal_error("wrong cipher key size");
  if (kind == CipherKind::aead && p.mac != MacAlgorithm::none) {
    return internal_error("AEAD ciphers take no MAC");
  }
  if ((kind == CipherKind::stream || kind == CipherKind::block) && p.mac == MacAlgorithm::none) {
    return internal_error("stream and CBC ciphers need a MAC");
  }
  if (p.mac_key.size() != mac_size(p.mac)) return internal_error("wrong MAC key size");
  if (p.encrypt_then_mac && (kind != CipherKind::block || p.version == ProtocolVersion::ssl3)) {
    return internal_error("encrypt-then-MAC applies to TLS CBC suites only (RFC 7366 §3)");
  }
  if (kind == CipherKind::aead && p.version < ProtocolVersion::tls12) {
    return internal_error("AEAD suites need TLS 1.2 or later (RFC 5288 §4, RFC 7905 §2)");
  }
  if (p.version == ProtocolVersion::ssl3 && p.mac != MacAlgorithm::none &&
      p.mac != MacAlgorithm::hmac_md5 && p.mac != MacAlgorithm::hmac_sha1) {
    return internal_error("the SSL 3.0 MAC is defined over MD5 and SHA-1 only (RFC 6101 §5.2.3.1)");
  }
  if (p.version == ProtocolVersion::tls13 && (kind != CipherKind::aead || p.iv.size() != 12)) {
    return internal_error("TLS 1.3 needs an AEAD and a 12-byte IV");
  }
  return ok_status();
}

Result<ProtectionPtr> make_cbc(const ProtectionParams& p) {
  const bool explicit_iv = p.version >= ProtocolVersion::tls11;
  if (explicit_iv && p.random == nullptr) {
    return internal_error("TLS 1.1+ CBC needs a random source for explicit IVs");
  }
  // TLS 1.1+ take the IV from each record; any start value will do.
  const Bytes iv = explicit_iv ? Bytes(cipher_block_size(p.cipher), 0) : p.iv;
  if (iv.size() != cipher_block_size(p.cipher)) return internal_error("wrong CBC IV size");
  auto cipher = CbcCipher::create(p.cipher, p.key, iv, p.direction);
  if (!cipher) return cipher.error();
  return ProtectionPtr(std::make_unique<CbcProtection>(p.version, std::move(*cipher),
                                                       RecordMac(p.version, p.mac, p.mac_key),
                                                       p.encrypt_then_mac, p.random,
                                                       p.unchecked_padding));
}

Result<ProtectionPtr> make_aead(const ProtectionParams& p) {
  // TLS 1.3 IVs are always 12 bytes (RFC 8446 §5.3), checked with the params.
  if (p.version == ProtocolVersion::tls13) {
    auto tls13 = make_tls13_protection(p.cipher, p.key, p.iv);
    if (!tls13) return tls13.error();
    return ProtectionPtr(std::move(*tls13));
  }
  if (p.iv.size() != cipher_fixed_iv_size(p.cipher)) return internal_error("wrong AEAD IV size");
  auto cipher = AeadCipher::create(p.cipher, p.key);
  if (!cipher) return cipher.error();
  const AeadNonce nonce = p.cipher == CipherAlgorithm::chacha20_poly1305
                              ? AeadNonce::xor_sequence
                              : AeadNonce::explicit_counter;
  return ProtectionPtr(std::make_unique<AeadProtection>(std::move(*cipher), p.iv, nonce));
}

}  // namespace

Result<Bytes> RecordProtection::seal_shaped(ContentType type, ProtocolVersion version,
                                           ByteView plaintext, const SealShape& shape) {
  if (shape.pads()) return internal_error("only CBC records have padding to shape");
  if (shape.explicit_nonce) return internal_error("this record form carries no explicit IV or nonce");
  auto sealed = seal(type, version, plaintext);
  if (sealed && shape.flip_mac) sealed->back() ^= 0x01;
  return sealed;
}

Error bad_record_mac(std::string reason) {
  return {AlertDescription::bad_record_mac, std::move(reason)};
}

Error record_overflow(std::string reason) {
  return {AlertDescription::record_overflow, std::move(reason)};
}

Status check_ciphertext_size(ByteView fragment) {
  if (fragment.size() > kMaxCiphertext) return record_overflow("ciphertext over 2^14+2048 bytes");
  return ok_status();
}

Status check_plaintext_size(size_t size, bool sealing) {
  if (size <= kMaxPlaintext) return ok_status();
  if (sealing) return internal_error("asked to seal a plaintext over 2^14 bytes");
  return record_overflow("plaintext over 2^14 bytes");
}

std::unique_ptr<RecordProtection> make_null_protection() {
  return std::make_unique<NullProtection>(
      RecordMac(ProtocolVersion::tls12, MacAlgorithm::none, {}));
}

Result<ProtectionPtr> make_protection(ProtectionParams p) {
  if (Status s = check_params(p); !s) return s.error();
  switch (cipher_kind(p.cipher)) {
    case CipherKind::null:
      return ProtectionPtr(
          std::make_unique<NullProtection>(RecordMac(p.version, p.mac, p.mac_key)));
    case CipherKind::stream: {
      auto cipher = StreamCipher::create(p.cipher, p.key, p.direction);
      if (!cipher) return cipher.error();
      return ProtectionPtr(std::make_unique<StreamProtection>(
          std::move(*cipher), RecordMac(p.version, p.mac, p.mac_key)));
    }
    case CipherKind::block:
      return make_cbc(p);
    case CipherKind::aead:
      return make_aead(p);
  }
  return internal_error("unknown cipher kind");
}

}  // namespace gauntlet
