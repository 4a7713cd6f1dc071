#include "engine/crypto/certificate_signature.h"

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <optional>

namespace gauntlet {
namespace {

// TLS 1.2's HashAlgorithm code (RFC 5246 §7.4.1.4.1), the high byte of the
// legacy schemes.
std::optional<uint16_t> hash_code(int md_nid) {
  switch (md_nid) {
    case NID_sha1:
      return 2;
    case NID_sha224:
      return 3;
    case NID_sha256:
      return 4;
    case NID_sha384:
      return 5;
    case NID_sha512:
      return 6;
    default:
      return std::nullopt;
  }
}

SignatureScheme scheme(uint16_t code) { return static_cast<SignatureScheme>(code); }

}  // namespace

std::vector<SignatureScheme> certificate_signature_schemes(const Certificate& cert) {
  int md_nid = NID_undef, pk_nid = NID_undef;
  if (X509_get_signature_info(cert.get(), &md_nid, &pk_nid, nullptr, nullptr) != 1) return {};
  switch (pk_nid) {
    case NID_ED25519:
      return {SignatureScheme::ed25519};
    case NID_ED448:
      return {SignatureScheme::ed448};
    case NID_rsassaPss:
      switch (md_nid) {
        case NID_sha256:
          return {SignatureScheme::rsa_pss_rsae_sha256, SignatureScheme::rsa_pss_pss_sha256};
        case NID_sha384:
          return {SignatureScheme::rsa_pss_rsae_sha384, SignatureScheme::rsa_pss_pss_sha384};
        case NID_sha512:
          return {SignatureScheme::rsa_pss_rsae_sha512, SignatureScheme::rsa_pss_pss_sha512};
        default:
          return {};
      }
    default:
      break;
  }
  const std::optional<uint16_t> hash = hash_code(md_nid);
  if (!hash) return {};
  switch (pk_nid) {
    case NID_rsaEncryption:
      return {scheme(static_cast<uint16_t>(*hash << 8 | 1))};
    case NID_dsa:
      return {scheme(static_cast<uint16_t>(*hash << 8 | 2))};
    case NID_X9_62_id_ecPublicKey:
      return {scheme(static_cast<uint16_t>(*hash << 8 | 3))};
    default:
      return {};
  }
}

bool chain_signed_with(std::span<const Certificate> chain,
                       std::span<const SignatureScheme> accepted) {
  return std::ranges::all_of(chain, [&](const Certificate& cert) {
    if (X509_get_extension_flags(cert.get()) & EXFLAG_SS) return true;
    return std::ranges::any_of(certificate_signature_schemes(cert), [&](SignatureScheme s) {
      return std::ranges::find(accepted, s) != accepted.end();
    });
  });
}

}  // namespace gauntlet
