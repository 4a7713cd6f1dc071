// Signature schemes (RFC 8446 §4.2.3) and the TLS 1.2 SignatureAndHashAlgorithm
// pairs they extend (RFC 5246 §7.4.1.4.1): hash byte then signature byte.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/registry/algorithm_ids.h"

namespace gauntlet {

enum class SignatureScheme : uint16_t {
  rsa_pkcs1_md5 = 0x0101,
  dsa_md5 = 0x0102,
  ecdsa_md5 = 0x0103,
  rsa_pkcs1_sha1 = 0x0201,
  dsa_sha1 = 0x0202,
  ecdsa_sha1 = 0x0203,
  rsa_pkcs1_sha224 = 0x0301,
  dsa_sha224 = 0x0302,
  ecdsa_sha224 = 0x0303,
  rsa_pkcs1_sha256 = 0x0401,
  dsa_sha256 = 0x0402,
  ecdsa_secp256r1_sha256 = 0x0403,
  rsa_pkcs1_sha384 = 0x0501,
  dsa_sha384 = 0x0502,
  ecdsa_secp384r1_sha384 = 0x0503,
  rsa_pkcs1_sha512 = 0x0601,
  dsa_sha512 = 0x0602,
  ecdsa_secp521r1_sha512 = 0x0603,
  rsa_pss_rsae_sha256 = 0x0804,
  rsa_pss_rsae_sha384 = 0x0805,
  rsa_pss_rsae_sha512 = 0x0806,
  ed25519 = 0x0807,
  ed448 = 0x0808,
  rsa_pss_pss_sha256 = 0x0809,
  rsa_pss_pss_sha384 = 0x080a,
  rsa_pss_pss_sha512 = 0x080b,
};

std::string iana_name(SignatureScheme v);
// As SSL_CTX_set1_sigalgs_list() accepts it, e.g. "RSA+SHA256".
std::string openssl_name(SignatureScheme v);
std::optional<SignatureScheme> signature_scheme_from_name(std::string_view name);
std::optional<SignatureScheme> known_signature_scheme(uint16_t wire);

enum class SignatureAlgorithmKind {
  rsa_pkcs1,
  rsa_pss_rsae,
  rsa_pss_pss,
  dsa,
  ecdsa,
  ed25519,
  ed448,
  unknown,
};

SignatureAlgorithmKind signature_kind(SignatureScheme s);
// The digest the scheme signs with; nullopt for EdDSA and unknown schemes.
std::optional<HashAlgorithm> signature_hash(SignatureScheme s);

}  // namespace gauntlet
