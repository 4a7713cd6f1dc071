#include "engine/registry/signature_scheme.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using S = SignatureScheme;
// OpenSSL names are those SSL_CTX_set1_sigalgs_list() accepts; it refuses
// every MD5 pair, so those have none.
constexpr std::array<NameRow<S>, 26> kSchemes{{
    {S::rsa_pkcs1_md5, "rsa_pkcs1_md5", ""},
    {S::dsa_md5, "dsa_md5", ""},
    {S::ecdsa_md5, "ecdsa_md5", ""},
    {S::rsa_pkcs1_sha1, "rsa_pkcs1_sha1", "RSA+SHA1"},
    {S::dsa_sha1, "dsa_sha1", "DSA+SHA1"},
    {S::ecdsa_sha1, "ecdsa_sha1", "ECDSA+SHA1"},
    {S::rsa_pkcs1_sha224, "rsa_pkcs1_sha224", "RSA+SHA224"},
    {S::dsa_sha224, "dsa_sha224", "DSA+SHA224"},
    {S::ecdsa_sha224, "ecdsa_sha224", "ECDSA+SHA224"},
    {S::rsa_pkcs1_sha256, "rsa_pkcs1_sha256", "RSA+SHA256"},
    {S::dsa_sha256, "dsa_sha256", "DSA+SHA256"},
    {S::ecdsa_secp256r1_sha256, "ecdsa_secp256r1_sha256", "ECDSA+SHA256"},
    {S::rsa_pkcs1_sha384, "rsa_pkcs1_sha384", "RSA+SHA384"},
    {S::dsa_sha384, "dsa_sha384", "DSA+SHA384"},
    {S::ecdsa_secp384r1_sha384, "ecdsa_secp384r1_sha384", "ECDSA+SHA384"},
    {S::rsa_pkcs1_sha512, "rsa_pkcs1_sha512", "RSA+SHA512"},
    {S::dsa_sha512, "dsa_sha512", "DSA+SHA512"},
    {S::ecdsa_secp521r1_sha512, "ecdsa_secp521r1_sha512", "ECDSA+SHA512"},
    {S::rsa_pss_rsae_sha256, "rsa_pss_rsae_sha256", "rsa_pss_rsae_sha256"},
    {S::rsa_pss_rsae_sha384, "rsa_pss_rsae_sha384", "rsa_pss_rsae_sha384"},
    {S::rsa_pss_rsae_sha512, "rsa_pss_rsae_sha512", "rsa_pss_rsae_sha512"},
    {S::ed25519, "ed25519", "ed25519"},
    {S::ed448, "ed448", "ed448"},
    {S::rsa_pss_pss_sha256, "rsa_pss_pss_sha256", "rsa_pss_pss_sha256"},
    {S::rsa_pss_pss_sha384, "rsa_pss_pss_sha384", "rsa_pss_pss_sha384"},
    {S::rsa_pss_pss_sha512, "rsa_pss_pss_sha512", "rsa_pss_pss_sha512"},
}};

}  // namespace

std::string iana_name(SignatureScheme v) { return iana_name<S>(kSchemes, v, 4); }
std::string openssl_name(SignatureScheme v) { return openssl_name<S>(kSchemes, v, 4); }
std::optional<SignatureScheme> signature_scheme_from_name(std::string_view n) {
  return from_name<S>(kSchemes, n);
}
std::optional<SignatureScheme> known_signature_scheme(uint16_t wire) {
  return from_value<S>(kSchemes, wire);
}

SignatureAlgorithmKind signature_kind(SignatureScheme s) {
  using K = SignatureAlgorithmKind;
  switch (s) {
    case S::rsa_pss_rsae_sha256:
    case S::rsa_pss_rsae_sha384:
    case S::rsa_pss_rsae_sha512:
      return K::rsa_pss_rsae;
    case S::rsa_pss_pss_sha256:
    case S::rsa_pss_pss_sha384:
    case S::rsa_pss_pss_sha512:
      return K::rsa_pss_pss;
    case S::ed25519:
      return K::ed25519;
    case S::ed448:
      return K::ed448;
    default:
      break;
  }
  // The TLS 1.2 pairs: the low byte is the SignatureAlgorithm (RFC 5246 §7.4.1.4.1).
  const auto wire = static_cast<uint16_t>(s);
  if (wire >> 8 < 1 || wire >> 8 > 6) return K::unknown;
  switch (wire & 0xff) {
    case 1:
      return K::rsa_pkcs1;
    case 2:
      return K::dsa;
    case 3:
      return K::ecdsa;
    default:
      return K::unknown;
  }
}

std::optional<HashAlgorithm> signature_hash(SignatureScheme s) {
  switch (signature_kind(s)) {
    case SignatureAlgorithmKind::ed25519:
    case SignatureAlgorithmKind::ed448:
    case SignatureAlgorithmKind::unknown:
      return std::nullopt;
    case SignatureAlgorithmKind::rsa_pss_rsae:
    case SignatureAlgorithmKind::rsa_pss_pss: {
      constexpr std::array<HashAlgorithm, 3> kPss{HashAlgorithm::sha256, HashAlgorithm::sha384,
                                                  HashAlgorithm::sha512};
      const auto wire = static_cast<uint16_t>(s);
      return kPss[(wire - (wire >= 0x0809 ? 0x0809 : 0x0804)) % 3];
    }
    default:
      break;
  }
  // TLS 1.2 HashAlgorithm byte (RFC 5246 §7.4.1.4.1): md5(1) .. sha512(6).
  constexpr std::array<HashAlgorithm, 6> kHashes{HashAlgorithm::md5,    HashAlgorithm::sha1,
                                                 HashAlgorithm::sha224, HashAlgorithm::sha256,
                                                 HashAlgorithm::sha384, HashAlgorithm::sha512};
  return kHashes[(static_cast<uint16_t>(s) >> 8) - 1];
}

}  // namespace gauntlet
