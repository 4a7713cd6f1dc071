#include "engine/record/protection.h"

#include "engine/record/protection_aead.h"
#include "engine/record/protection_cbc.h"
#include "engine/record/protection_stream.h"
#include "engine/record/record_mac.h"

namespace gauntlet {

std::unique_ptr<RecordProtection> make_null_protection() {
  return std::make_unique<StreamProtection>(
      std::nullopt, RecordMac(ProtocolVersion::tls12, MacAlgorithm::none, {}));
}

Result<std::unique_ptr<RecordProtection>> make_protection(ProtectionParams p) {
  const CipherKind kind = cipher_kind(p.cipher);
  if (p.key.size() != cipher_key_size(p.cipher)) return internal_error("wrong cipher key size");
  const bool aead = kind == CipherKind::aead;
  if (aead != (p.mac == MacAlgorithm::none) && kind != CipherKind::null) {
    return internal_error("AEAD ciphers take no MAC; other ciphers need one");
  }
  if (p.mac_key.size() != mac_size(p.mac)) return internal_error("wrong MAC key size");
  if (p.encrypt_then_mac && kind != CipherKind::block) {
    return internal_error("encrypt-then-MAC applies to CBC suites only (RFC 7366 §3)");
  }
  RecordMac mac(p.version, p.mac, p.mac_key);

  if (p.version == ProtocolVersion::tls13) {
    if (!aead || p.iv.size() != 12) return internal_error("TLS 1.3 needs an AEAD and a 12-byte IV");
    auto cipher = AeadCipher::create(p.cipher, p.key);
    if (!cipher) return cipher.error();
    return std::unique_ptr<RecordProtection>(
        std::make_unique<Tls13Protection>(std::move(*cipher), p.iv));
  }
  switch (kind) {
    case CipherKind::null:
      return std::unique_ptr<RecordProtection>(
          std::make_unique<StreamProtection>(std::nullopt, std::move(mac)));
    case CipherKind::stream: {
      auto cipher = StreamCipher::create(p.cipher, p.key, p.direction);
      if (!cipher) return cipher.error();
      return std::unique_ptr<RecordProtection>(
          std::make_unique<StreamProtection>(std::move(*cipher), std::move(mac)));
    }
    case CipherKind::block: {
      const bool explicit_iv = p.version >= ProtocolVersion::tls11;
      if (explicit_iv && p.random == nullptr) {
        return internal_error("TLS 1.1+ CBC needs a random source for explicit IVs");
      }
      // TLS 1.1+ take the IV from each record; any start value will do.
      const Bytes iv = explicit_iv ? Bytes(cipher_block_size(p.cipher), 0) : p.iv;
      if (iv.size() != cipher_block_size(p.cipher)) return internal_error("wrong CBC IV size");
      auto cipher = CbcCipher::create(p.cipher, p.key, iv, p.direction);
      if (!cipher) return cipher.error();
      return std::unique_ptr<RecordProtection>(std::make_unique<CbcProtection>(
          p.version, std::move(*cipher), std::move(mac), p.encrypt_then_mac, p.random));
    }
    case CipherKind::aead: {
      if (p.iv.size() != cipher_fixed_iv_size(p.cipher)) return internal_error("wrong AEAD IV size");
      auto cipher = AeadCipher::create(p.cipher, p.key);
      if (!cipher) return cipher.error();
      const bool explicit_nonce = p.cipher != CipherAlgorithm::chacha20_poly1305;
      return std::unique_ptr<RecordProtection>(
          std::make_unique<AeadProtection>(std::move(*cipher), p.iv, explicit_nonce));
    }
  }
  return internal_error("unknown cipher kind");
}

}  // namespace gauntlet
