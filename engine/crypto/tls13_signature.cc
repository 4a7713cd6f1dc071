#include "engine/crypto/tls13_signature.h"

#include <string>
#include <string_view>

#include "engine/base/writer.h"

namespace gauntlet {
namespace {

struct SchemeRow {
  SignatureScheme scheme;
  KeyType key;
  SignatureParams params;
};

using P = SignaturePadding;
using D = SignatureDigest;
using S = SignatureScheme;

// §4.2.3: every scheme a TLS 1.3 signature may use, and the key it needs.
constexpr SchemeRow kSchemes[] = {
    {S::ecdsa_secp256r1_sha256, KeyType::ec_p256, {P::none, D::sha256}},
    {S::ecdsa_secp384r1_sha384, KeyType::ec_p384, {P::none, D::sha384}},
    {S::ecdsa_secp521r1_sha512, KeyType::ec_p521, {P::none, D::sha512}},
    {S::ed25519, KeyType::ed25519, {P::none, D::intrinsic}},
    {S::ed448, KeyType::ed448, {P::none, D::intrinsic}},
    {S::rsa_pss_rsae_sha256, KeyType::rsa, {P::pss, D::sha256}},
    {S::rsa_pss_rsae_sha384, KeyType::rsa, {P::pss, D::sha384}},
    {S::rsa_pss_rsae_sha512, KeyType::rsa, {P::pss, D::sha512}},
    {S::rsa_pss_pss_sha256, KeyType::rsa_pss, {P::pss, D::sha256}},
    {S::rsa_pss_pss_sha384, KeyType::rsa_pss, {P::pss, D::sha384}},
    {S::rsa_pss_pss_sha512, KeyType::rsa_pss, {P::pss, D::sha512}},
};

constexpr std::string_view kServerContext = "TLS 1.3, server CertificateVerify";
constexpr std::string_view kClientContext = "TLS 1.3, client CertificateVerify";

}  // namespace

Bytes certificate_verify_content(CertificateVerifySigner signer, ByteView transcript_hash) {
  const std::string_view context =
      signer == CertificateVerifySigner::server ? kServerContext : kClientContext;
  Writer out;
  for (int i = 0; i < 64; ++i) out.u8(0x20);
  out.bytes(ByteView(reinterpret_cast<const uint8_t*>(context.data()), context.size()));
  out.u8(0);
  out.bytes(transcript_hash);
  return out.take();
}

std::optional<SignatureParams> tls13_signature_params(SignatureScheme scheme, KeyType key) {
  for (const SchemeRow& row : kSchemes) {
    if (row.scheme == scheme && row.key == key) return row.params;
  }
  return std::nullopt;
}

Result<Bytes> sign_certificate_verify(const PrivateKey& key, SignatureScheme scheme,
                                      CertificateVerifySigner signer, ByteView transcript_hash) {
  const auto params = tls13_signature_params(scheme, key.type());
  if (!params) {
    return internal_error(iana_name(scheme) + " cannot sign with a " + key_type_name(key.type()) +
                          " key in TLS 1.3");
  }
  return sign(key, *params, certificate_verify_content(signer, transcript_hash));
}

Status verify_certificate_verify(const PublicKey& key, SignatureScheme scheme,
                                 CertificateVerifySigner signer, ByteView transcript_hash,
                                 ByteView signature) {
  const auto params = tls13_signature_params(scheme, key.type());
  if (!params) {
    return illegal_parameter("CertificateVerify with " + iana_name(scheme) + " for a " +
                             key_type_name(key.type()) + " key (RFC 8446 §4.2.3)");
  }
  return verify(key, *params, certificate_verify_content(signer, transcript_hash), signature);
}

}  // namespace gauntlet
