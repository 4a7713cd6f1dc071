// TLS 1.3 CertificateVerify signatures: the §4.4.3 content, every scheme
// TLS 1.3 allows signed by us and verified by OpenSSL's EVP_DigestVerify
// over that content (and the reverse), and the schemes it forbids refused.
#include "engine/crypto/tls13_signature.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "engine/crypto/hash.h"
#include "engine/crypto/test_hex.h"
#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

const Bytes kTranscriptHash = hash(HashAlgorithm::sha256, text_bytes("ClientHello..Certificate"));

PrivateKey generated(const char* type, const char* curve = nullptr) {
  EVP_PKEY* key = curve ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, curve)
                        : EVP_PKEY_Q_keygen(nullptr, nullptr, type);
  EXPECT_NE(key, nullptr) << type;
  return PrivateKey(EvpPkeyPtr(key));
}

const EVP_MD* openssl_md(SignatureScheme s) {
  switch (s) {
    case SignatureScheme::ecdsa_secp256r1_sha256:
    case SignatureScheme::rsa_pss_rsae_sha256:
    case SignatureScheme::rsa_pss_pss_sha256:
      return EVP_sha256();
    case SignatureScheme::ecdsa_secp384r1_sha384:
    case SignatureScheme::rsa_pss_rsae_sha384:
    case SignatureScheme::rsa_pss_pss_sha384:
      return EVP_sha384();
    case SignatureScheme::ecdsa_secp521r1_sha512:
    case SignatureScheme::rsa_pss_rsae_sha512:
    case SignatureScheme::rsa_pss_pss_sha512:
      return EVP_sha512();
    default:
      return nullptr;  // EdDSA
  }
}

// OpenSSL's digest sign/verify context for a scheme, PSS salt = hash length.
EvpMdCtxPtr openssl_ctx(const PrivateKey& key, SignatureScheme s, bool signing) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  const int ok = signing
                     ? EVP_DigestSignInit(ctx.get(), &pctx, openssl_md(s), nullptr, key.get())
                     : EVP_DigestVerifyInit(ctx.get(), &pctx, openssl_md(s), nullptr, key.get());
  EXPECT_EQ(ok, 1);
  if (key.type() == KeyType::rsa || key.type() == KeyType::rsa_pss) {
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST), 1);
  }
  return ctx;
}

struct SchemeCase {
  SignatureScheme scheme;
  PrivateKey (*key)();
};

class Tls13Signatures : public testing::TestWithParam<SchemeCase> {};

TEST_P(Tls13Signatures, OpenSslVerifiesOursAndWeVerifyOpenSsl) {
  const SignatureScheme s = GetParam().scheme;
  const PrivateKey key = GetParam().key();
  const Bytes content =
      certificate_verify_content(CertificateVerifySigner::server, kTranscriptHash);

  auto ours = sign_certificate_verify(key, s, CertificateVerifySigner::server, kTranscriptHash);
  ASSERT_TRUE(ours.ok()) << ours.error().to_string();
  EvpMdCtxPtr verifier = openssl_ctx(key, s, false);
  EXPECT_EQ(
      EVP_DigestVerify(verifier.get(), ours->data(), ours->size(), content.data(), content.size()),
      1);

  EvpMdCtxPtr signer = openssl_ctx(key, s, true);
  size_t len = 0;
  ASSERT_EQ(EVP_DigestSign(signer.get(), nullptr, &len, content.data(), content.size()), 1);
  Bytes theirs(len);
  ASSERT_EQ(EVP_DigestSign(signer.get(), theirs.data(), &len, content.data(), content.size()), 1);
  theirs.resize(len);
  EXPECT_TRUE(verify_certificate_verify(key.public_key(), s, CertificateVerifySigner::server,
                                        kTranscriptHash, theirs)
                  .ok());

  // The signer's role is part of what is signed.
  EXPECT_EQ(verify_certificate_verify(key.public_key(), s, CertificateVerifySigner::client,
                                      kTranscriptHash, *ours)
                .error()
                .alert,
            AlertDescription::decrypt_error);
  Bytes tampered = *ours;
  tampered[tampered.size() / 2] ^= 1;
  EXPECT_EQ(verify_certificate_verify(key.public_key(), s, CertificateVerifySigner::server,
                                      kTranscriptHash, tampered)
                .error()
                .alert,
            AlertDescription::decrypt_error);
}

PrivateKey rsa() { return test_key("server-rsa"); }
PrivateKey rsa_pss() { return test_key("server-rsa-pss"); }
PrivateKey p256() { return test_key("server-ecdsa"); }
PrivateKey p384() { return generated("EC", "P-384"); }
PrivateKey p521() { return generated("EC", "P-521"); }
PrivateKey ed25519() { return generated("ED25519"); }
PrivateKey ed448() { return generated("ED448"); }

INSTANTIATE_TEST_SUITE_P(Schemes, Tls13Signatures,
                         testing::Values(SchemeCase{SignatureScheme::ecdsa_secp256r1_sha256, p256},
                                         SchemeCase{SignatureScheme::ecdsa_secp384r1_sha384, p384},
                                         SchemeCase{SignatureScheme::ecdsa_secp521r1_sha512, p521},
                                         SchemeCase{SignatureScheme::ed25519, ed25519},
                                         SchemeCase{SignatureScheme::ed448, ed448},
                                         SchemeCase{SignatureScheme::rsa_pss_rsae_sha256, rsa},
                                         SchemeCase{SignatureScheme::rsa_pss_rsae_sha384, rsa},
                                         SchemeCase{SignatureScheme::rsa_pss_rsae_sha512, rsa},
                                         SchemeCase{SignatureScheme::rsa_pss_pss_sha256, rsa_pss},
                                         SchemeCase{SignatureScheme::rsa_pss_pss_sha384, rsa_pss},
                                         SchemeCase{SignatureScheme::rsa_pss_pss_sha512, rsa_pss}),
                         [](const auto& info) { return iana_name(info.param.scheme); });

// §4.4.3's example layout: 64 spaces, the context string, 0, the hash.
TEST(Tls13Signatures, CertificateVerifyContent) {
  const Bytes hash(32, 0xab);
  const Bytes content = certificate_verify_content(CertificateVerifySigner::client, hash);
  Bytes expected(64, 0x20);
  const Bytes context = text_bytes("TLS 1.3, client CertificateVerify");
  expected.insert(expected.end(), context.begin(), context.end());
  expected.push_back(0);
  expected.insert(expected.end(), hash.begin(), hash.end());
  EXPECT_EQ(content, expected);
  EXPECT_NE(certificate_verify_content(CertificateVerifySigner::server, hash), content);
}

// §4.2.3: no PKCS#1 v1.5, SHA-1 or DSA; ECDSA bound to its curve; rsae and
// pss bound to their key types.
TEST(Tls13Signatures, ForbiddenOrMismatchedSchemesAreRefused) {
  const struct {
    SignatureScheme scheme;
    KeyType key;
  } refused[] = {
      {SignatureScheme::rsa_pkcs1_sha256, KeyType::rsa},
      {SignatureScheme::rsa_pkcs1_sha1, KeyType::rsa},
      {SignatureScheme::ecdsa_sha1, KeyType::ec_p256},
      {SignatureScheme::dsa_sha256, KeyType::dsa},
      {SignatureScheme::ecdsa_secp384r1_sha384, KeyType::ec_p256},
      {SignatureScheme::ecdsa_secp256r1_sha256, KeyType::ec_p521},
      {SignatureScheme::rsa_pss_pss_sha256, KeyType::rsa},
      {SignatureScheme::rsa_pss_rsae_sha256, KeyType::rsa_pss},
      {SignatureScheme::ed448, KeyType::ed25519},
  };
  for (const auto& r : refused) {
    EXPECT_FALSE(tls13_signature_params(r.scheme, r.key).has_value()) << iana_name(r.scheme);
  }
  const PrivateKey key = p256();
  EXPECT_EQ(sign_certificate_verify(key, SignatureScheme::ecdsa_secp384r1_sha384,
                                    CertificateVerifySigner::server, kTranscriptHash)
                .error()
                .alert,
            AlertDescription::internal_error);
  auto sig = sign_certificate_verify(key, SignatureScheme::ecdsa_secp256r1_sha256,
                                     CertificateVerifySigner::server, kTranscriptHash);
  ASSERT_TRUE(sig.ok());
  EXPECT_EQ(verify_certificate_verify(key.public_key(), SignatureScheme::ecdsa_secp384r1_sha384,
                                      CertificateVerifySigner::server, kTranscriptHash, *sig)
                .error()
                .alert,
            AlertDescription::illegal_parameter);
}

TEST(Tls13Signatures, Ed448KeysAreTyped) {
  EXPECT_EQ(ed448().type(), KeyType::ed448);
  EXPECT_EQ(key_type_name(KeyType::ed448), "Ed448");
}

}  // namespace
}  // namespace gauntlet
