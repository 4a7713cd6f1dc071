#include "engine/connection/signing.h"

#include <algorithm>

namespace gauntlet {

namespace {

bool is_ec(KeyType k) {
  return k == KeyType::ec_p256 || k == KeyType::ec_p384 || k == KeyType::ec_p521;
}

std::optional<SignatureParams> scheme_params(SignatureScheme s) {
  const std::optional<HashAlgorithm> h = signature_hash(s);
  if (!h) return std::nullopt;
  const SignatureDigest d = signature_digest(*h);
  switch (signature_kind(s)) {
    case SignatureAlgorithmKind::rsa_pkcs1:
      return SignatureParams{SignaturePadding::pkcs1, d};
    case SignatureAlgorithmKind::rsa_pss_rsae:
    case SignatureAlgorithmKind::rsa_pss_pss:
      return SignatureParams{SignaturePadding::pss, d};
    case SignatureAlgorithmKind::dsa:
    case SignatureAlgorithmKind::ecdsa:
      return SignatureParams{SignaturePadding::none, d};
    default:
      return std::nullopt;
  }
}

SignatureParams legacy_params(KeyType key) {
  if (key == KeyType::rsa) return {SignaturePadding::pkcs1, SignatureDigest::md5_sha1};
  return {SignaturePadding::none, SignatureDigest::sha1};
}

std::optional<SignatureScheme> sha1_scheme(KeyType key) {
  if (key == KeyType::rsa) return SignatureScheme::rsa_pkcs1_sha1;
  if (key == KeyType::dsa) return SignatureScheme::dsa_sha1;
  if (is_ec(key)) return SignatureScheme::ecdsa_sha1;
  return std::nullopt;
}

}  // namespace

bool scheme_fits_key(SignatureScheme s, KeyType key) {
  if (!scheme_params(s)) return false;
  switch (signature_kind(s)) {
    case SignatureAlgorithmKind::rsa_pkcs1:
    case SignatureAlgorithmKind::rsa_pss_rsae:
      return key == KeyType::rsa;
    // RFC 8446 §4.2.3: rsa_pss_pss_* is for a key that is RSASSA-PSS itself.
    case SignatureAlgorithmKind::rsa_pss_pss:
      return key == KeyType::rsa_pss;
    case SignatureAlgorithmKind::dsa:
      return key == KeyType::dsa;
    case SignatureAlgorithmKind::ecdsa:
      // TLS 1.2 does not tie the curve to the scheme (RFC 8446 §4.2.3 does).
      return is_ec(key);
    default:
      return false;
  }
}

bool signs_without_scheme(KeyType key) { return key != KeyType::rsa_pss; }

std::optional<SignatureScheme> choose_signature_scheme(
    KeyType key, std::span<const SignatureScheme> ours,
    const std::optional<std::vector<SignatureScheme>>& peer) {
  for (const SignatureScheme s : ours) {
    if (!scheme_fits_key(s, key)) continue;
    if (peer ? std::ranges::find(*peer, s) != peer->end() : s == sha1_scheme(key)) return s;
  }
  return std::nullopt;
}

Result<DigitallySigned> sign_handshake(ProtocolVersion version, const PrivateKey& key,
                                       std::optional<SignatureScheme> scheme, ByteView content) {
  DigitallySigned out;
  SignatureParams params = legacy_params(key.type());
  if (version >= ProtocolVersion::tls12) {
    if (!scheme) return internal_error("TLS 1.2 signature without a scheme");
    auto p = scheme_params(*scheme);
    if (!p) return internal_error("signature scheme " + iana_name(*scheme) + " not supported");
    params = *p;
    out.scheme = scheme;
  }
  auto sig = sign(key, params, content);
  if (!sig) return sig.error();
  out.signature = std::move(sig).value();
  return out;
}

Status verify_handshake(ProtocolVersion version, const PublicKey& key,
                        const DigitallySigned& signed_value, ByteView content,
                        std::span<const SignatureScheme> accepted) {
  SignatureParams params = legacy_params(key.type());
  if (version >= ProtocolVersion::tls12) {
    if (!signed_value.scheme) return decode_error("TLS 1.2 signature without its algorithm");
    const SignatureScheme s = *signed_value.scheme;
    if (std::ranges::find(accepted, s) == accepted.end() || !scheme_fits_key(s, key.type())) {
      return illegal_parameter("peer signed with " + iana_name(s) + ", which was not offered");
    }
    params = *scheme_params(s);
  }
  if (auto st = verify(key, params, content, signed_value.signature); !st) {
    return Error{AlertDescription::decrypt_error, "signature does not verify"};
  }
  return ok_status();
}

Result<Bytes> sign_ssl3_digest(const PrivateKey& key, ByteView md5_sha1) {
  if (key.type() == KeyType::rsa) return sign_digest(key, legacy_params(KeyType::rsa), md5_sha1);
  return sign_digest(key, legacy_params(key.type()), md5_sha1.subspan(16));
}

Status verify_ssl3_digest(const PublicKey& key, ByteView md5_sha1, ByteView signature) {
  const bool rsa = key.type() == KeyType::rsa;
  auto st = verify_digest(key, legacy_params(key.type()), rsa ? md5_sha1 : md5_sha1.subspan(16),
                          signature);
  if (!st) return Error{AlertDescription::decrypt_error, "signature does not verify"};
  return ok_status();
}

}  // namespace gauntlet
