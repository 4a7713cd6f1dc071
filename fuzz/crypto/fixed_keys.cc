#include "fuzz/crypto/fixed_keys.h"

#include "engine/crypto/ssl2_cipher.h"
#include "engine/record/record_mac.h"

namespace gauntlet::fuzzing {

TicketKey fixed_ticket_key() { return {Bytes(16, 0x6e), Bytes(16, 0x61), Bytes(32, 0x68)}; }

const std::vector<ProtectionVariant>& protection_variants(ProtectionMode mode) {
  using V = ProtocolVersion;
  using C = CipherAlgorithm;
  using M = MacAlgorithm;
  static const std::vector<ProtectionVariant> kNull{
      {V::ssl3, C::null, M::hmac_md5}, {V::tls10, C::null, M::hmac_sha1},
      {V::tls12, C::null, M::hmac_sha256}, {V::tls12, C::null, M::none}};
  static const std::vector<ProtectionVariant> kStream{
      {V::ssl3, C::rc4_128, M::hmac_md5}, {V::tls10, C::rc4_128, M::hmac_sha1},
      {V::tls12, C::rc4_128, M::hmac_sha1}};
  // Each CBC IV rule (RFC 6101 §5.2.3.2 and RFC 2246 §6.2.3.2 chain the IV;
  // RFC 4346 §6.2.3.2 sends it explicitly), with and without RFC 7366.
  static const std::vector<ProtectionVariant> kCbc{
      {V::ssl3, C::aes_128_cbc, M::hmac_sha1},        {V::tls10, C::aes_128_cbc, M::hmac_sha1},
      {V::tls11, C::aes_128_cbc, M::hmac_sha1},       {V::tls12, C::aes_256_cbc, M::hmac_sha384},
      {V::tls10, C::aes_128_cbc, M::hmac_sha1, true}, {V::tls12, C::aes_128_cbc, M::hmac_sha256, true},
      {V::tls10, C::des_ede3_cbc, M::hmac_sha1},      {V::tls12, C::des_ede3_cbc, M::hmac_sha1, true}};
  // Explicit-counter GCM nonces (RFC 5288 §3) and XORed ChaCha20 ones
  // (RFC 7905 §2).
  static const std::vector<ProtectionVariant> kAead{{V::tls12, C::aes_128_gcm, M::none},
                                                    {V::tls12, C::aes_256_gcm, M::none},
                                                    {V::tls12, C::chacha20_poly1305, M::none}};
  // The five AEADs of TLS 1.3's suites (RFC 8446 §B.4): CCM's record limit
  // is its own (§5.5) and CCM_8's tag is 8 bytes.
  static const std::vector<ProtectionVariant> kTls13{{V::tls13, C::aes_128_gcm, M::none},
                                                     {V::tls13, C::aes_256_gcm, M::none},
                                                     {V::tls13, C::chacha20_poly1305, M::none},
                                                     {V::tls13, C::aes_128_ccm, M::none},
                                                     {V::tls13, C::aes_128_ccm_8, M::none}};
  switch (mode) {
    case ProtectionMode::null:
      return kNull;
    case ProtectionMode::stream:
      return kStream;
    case ProtectionMode::cbc:
      return kCbc;
    case ProtectionMode::aead:
      return kAead;
    case ProtectionMode::tls13:
      break;
  }
  return kTls13;
}

std::unique_ptr<RecordProtection> fixed_protection(const ProtectionVariant& v,
                                                   CipherDirection direction,
                                                   RandomSource& random) {
  ProtectionParams p;
  p.version = v.version;
  p.cipher = v.cipher;
  p.mac = v.mac;
  p.encrypt_then_mac = v.encrypt_then_mac;
  p.mac_key = Bytes(mac_size(v.mac), 0x4d);
  p.key = Bytes(cipher_key_size(v.cipher), 0x4b);
  const CipherKind kind = cipher_kind(v.cipher);
  const size_t iv_size = v.version == ProtocolVersion::tls13 ? 12
                         : kind == CipherKind::aead          ? cipher_fixed_iv_size(v.cipher)
                         : kind == CipherKind::block         ? cipher_block_size(v.cipher)
                                                             : 0;
  p.iv = Bytes(iv_size, 0x49);
  p.direction = direction;
  p.random = &random;
  // Every variant above is one the factory accepts; a refusal is a bug here.
  auto made = make_protection(std::move(p));
  if (!made) __builtin_trap();
  return std::move(*made);
}

const std::vector<std::optional<Ssl2CipherKind>>& ssl2_variants() {
  static const std::vector<std::optional<Ssl2CipherKind>> variants = [] {
    std::vector<std::optional<Ssl2CipherKind>> out{std::nullopt};
    for (const Ssl2CipherKindInfo& info : all_ssl2_cipher_kinds()) {
      if (ssl2_cipher_available(info.kind)) out.push_back(info.kind);
    }
    return out;
  }();
  return variants;
}

Ssl2RecordProtection fixed_ssl2_protection(std::optional<Ssl2CipherKind> kind,
                                           CipherDirection direction) {
  Ssl2RecordProtection p;
  if (!kind) return p;
  const Ssl2CipherKindInfo& info = *ssl2_cipher_kind_info(*kind);
  // Every kind ssl2_variants lists starts; a refusal is a bug here.
  if (!p.start_cipher(*kind, Bytes(info.key_size, 0x5a), Bytes(info.key_arg_size, 0xa5),
                      direction)) {
    __builtin_trap();
  }
  return p;
}

}  // namespace gauntlet::fuzzing
