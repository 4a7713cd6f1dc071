// Signatures of every kind TLS 1.0-1.3 uses, round-tripped and cross-checked
// against OpenSSL's own EVP_DigestSign/EVP_DigestVerify in both directions.
#include "engine/crypto/signature.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "engine/crypto/hash.h"
#include "engine/crypto/test_hex.h"
#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

using P = SignaturePadding;
using D = SignatureDigest;

const Bytes kMessage = text_bytes("client_random || server_random || ServerDHParams");

PrivateKey ed25519_key() {
  return PrivateKey(EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")));
}

// OpenSSL's name for the digest; "MD5-SHA1" is its TLS 1.0 RSA form, which
// also omits the DigestInfo.
const EVP_MD* openssl_md(D d) {
  switch (d) {
    case D::md5:
      return EVP_md5();
    case D::sha1:
      return EVP_sha1();
    case D::sha224:
      return EVP_sha224();
    case D::sha256:
      return EVP_sha256();
    case D::sha384:
      return EVP_sha384();
    case D::sha512:
      return EVP_sha512();
    case D::md5_sha1:
      return EVP_md5_sha1();
    case D::intrinsic:
      break;
  }
  return nullptr;
}

void openssl_configure(EVP_PKEY_CTX* pctx, SignatureParams p) {
  if (p.padding == P::none) return;
  ASSERT_EQ(EVP_PKEY_CTX_set_rsa_padding(
                pctx, p.padding == P::pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING),
            1);
  if (p.padding == P::pss) {
    ASSERT_EQ(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST), 1);
  }
}

bool openssl_verify(const PrivateKey& key, SignatureParams p, ByteView sig) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  EXPECT_EQ(EVP_DigestVerifyInit(ctx.get(), &pctx, openssl_md(p.digest), nullptr, key.get()), 1);
  openssl_configure(pctx, p);
  return EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), kMessage.data(), kMessage.size()) == 1;
}

Bytes openssl_sign(const PrivateKey& key, SignatureParams p) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), &pctx, openssl_md(p.digest), nullptr, key.get()), 1);
  openssl_configure(pctx, p);
  size_t len = 0;
  EXPECT_EQ(EVP_DigestSign(ctx.get(), nullptr, &len, kMessage.data(), kMessage.size()), 1);
  Bytes sig(len);
  EXPECT_EQ(EVP_DigestSign(ctx.get(), sig.data(), &len, kMessage.data(), kMessage.size()), 1);
  sig.resize(len);
  return sig;
}

struct SignCase {
  const char* key;  // a test PKI key, or "ed25519" for a fresh one
  SignatureParams params;
};

class Signatures : public testing::TestWithParam<SignCase> {
 protected:
  PrivateKey key() const {
    return std::string(GetParam().key) == "ed25519" ? ed25519_key() : test_key(GetParam().key);
  }
  SignatureParams params() const { return GetParam().params; }
};

TEST_P(Signatures, RoundTripAndTamper) {
  const PrivateKey k = key();
  auto sig = sign(k, params(), kMessage);
  ASSERT_TRUE(sig.ok()) << sig.error().to_string();
  EXPECT_TRUE(verify(k.public_key(), params(), kMessage, *sig).ok());
  Bytes tampered = *sig;
  tampered[tampered.size() / 2] ^= 1;
  EXPECT_EQ(verify(k.public_key(), params(), kMessage, tampered).error().alert,
            AlertDescription::decrypt_error);
  Bytes other = kMessage;
  other[0] ^= 1;
  EXPECT_EQ(verify(k.public_key(), params(), other, *sig).error().alert,
            AlertDescription::decrypt_error);
  EXPECT_EQ(verify(k.public_key(), params(), kMessage, Bytes{}).error().alert,
            AlertDescription::decrypt_error);
}

TEST_P(Signatures, OpenSslVerifiesOursAndWeVerifyOpenSsl) {
  const PrivateKey k = key();
  auto ours = sign(k, params(), kMessage);
  ASSERT_TRUE(ours.ok()) << ours.error().to_string();
  EXPECT_TRUE(openssl_verify(k, params(), *ours));
  const Bytes theirs = openssl_sign(k, params());
  EXPECT_TRUE(verify(k.public_key(), params(), kMessage, theirs).ok());
}

TEST_P(Signatures, PrecomputedDigestMatchesTheMessageForm) {
  if (params().digest == D::intrinsic) {
    EXPECT_EQ(sign_digest(key(), params(), kMessage).error().alert,
              AlertDescription::internal_error);
    return;
  }
  const PrivateKey k = key();
  const Bytes digest = signature_digest_of(params().digest, kMessage);
  auto sig = sign_digest(k, params(), digest);
  ASSERT_TRUE(sig.ok()) << sig.error().to_string();
  EXPECT_TRUE(verify(k.public_key(), params(), kMessage, *sig).ok());
  auto from_message = sign(k, params(), kMessage);
  ASSERT_TRUE(from_message.ok());
  EXPECT_TRUE(verify_digest(k.public_key(), params(), digest, *from_message).ok());
  Bytes other = digest;
  other[0] ^= 1;
  EXPECT_EQ(verify_digest(k.public_key(), params(), other, *sig).error().alert,
            AlertDescription::decrypt_error);
}

INSTANTIATE_TEST_SUITE_P(All, Signatures,
                         testing::Values(SignCase{"server-rsa", {P::pkcs1, D::md5}},
                                         SignCase{"server-rsa", {P::pkcs1, D::sha1}},
                                         SignCase{"server-rsa", {P::pkcs1, D::sha224}},
                                         SignCase{"server-rsa", {P::pkcs1, D::sha256}},
                                         SignCase{"server-rsa", {P::pkcs1, D::sha384}},
                                         SignCase{"server-rsa", {P::pkcs1, D::sha512}},
                                         SignCase{"server-rsa", {P::pkcs1, D::md5_sha1}},
                                         SignCase{"server-rsa", {P::pss, D::sha256}},
                                         SignCase{"server-rsa", {P::pss, D::sha384}},
                                         SignCase{"server-rsa", {P::pss, D::sha512}},
                                         SignCase{"server-dsa", {P::none, D::sha1}},
                                         SignCase{"server-dsa", {P::none, D::sha256}},
                                         SignCase{"server-ecdsa", {P::none, D::sha1}},
                                         SignCase{"server-ecdsa", {P::none, D::sha256}},
                                         SignCase{"server-ecdsa", {P::none, D::sha384}},
                                         SignCase{"ed25519", {P::none, D::intrinsic}}));

// RFC 4346 §7.4.3: the TLS 1.0 RSA signature is PKCS#1 type 1 over exactly
// MD5(m) || SHA-1(m); recovering the block shows there is no DigestInfo.
TEST(Signatures, Md5Sha1HasNoDigestInfo) {
  const PrivateKey k = test_key("server-rsa");
  auto sig = sign(k, {P::pkcs1, D::md5_sha1}, kMessage);
  ASSERT_TRUE(sig.ok());
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(k.get(), nullptr));
  ASSERT_EQ(EVP_PKEY_verify_recover_init(ctx.get()), 1);
  ASSERT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING), 1);
  Bytes recovered(256);
  size_t len = recovered.size();
  ASSERT_EQ(EVP_PKEY_verify_recover(ctx.get(), recovered.data(), &len, sig->data(), sig->size()),
            1);
  recovered.resize(len);
  Bytes expected = hash(HashAlgorithm::md5, kMessage);
  const Bytes sha1 = hash(HashAlgorithm::sha1, kMessage);
  expected.insert(expected.end(), sha1.begin(), sha1.end());
  EXPECT_EQ(recovered, expected);
}

TEST(Signatures, WrongKeyOrDigestLength) {
  const PrivateKey rsa = test_key("server-rsa");
  const PrivateKey ec = test_key("server-ecdsa");
  auto sig = sign(rsa, {P::pkcs1, D::sha256}, kMessage);
  ASSERT_TRUE(sig.ok());
  EXPECT_EQ(verify(ec.public_key(), {P::pkcs1, D::sha256}, kMessage, *sig).error().alert,
            AlertDescription::decrypt_error);
  EXPECT_EQ(
      verify(test_key("server-client-eku").public_key(), {P::pkcs1, D::sha256}, kMessage, *sig)
          .error()
          .alert,
      AlertDescription::decrypt_error);
  EXPECT_FALSE(sign_digest(rsa, {P::pkcs1, D::sha256}, Bytes(20, 1)).ok());
  EXPECT_EQ(
      verify_digest(rsa.public_key(), {P::pkcs1, D::sha256}, Bytes(20, 1), *sig).error().alert,
      AlertDescription::decrypt_error);
}

TEST(Signatures, CombinationsNoTlsVersionUsesAreRefused) {
  const PrivateKey rsa = test_key("server-rsa");
  EXPECT_EQ(sign(rsa, {P::pss, D::md5_sha1}, kMessage).error().alert,
            AlertDescription::internal_error);
  EXPECT_EQ(sign(test_key("server-ecdsa"), {P::none, D::md5_sha1}, kMessage).error().alert,
            AlertDescription::internal_error);
  EXPECT_EQ(sign(rsa, {P::pkcs1, D::intrinsic}, kMessage).error().alert,
            AlertDescription::internal_error);
}

TEST(Signatures, DigestOfHashAlgorithm) {
  EXPECT_EQ(signature_digest(HashAlgorithm::sha384), D::sha384);
  EXPECT_EQ(signature_digest_of(D::sha256, kMessage), hash(HashAlgorithm::sha256, kMessage));
  EXPECT_EQ(signature_digest_of(D::md5_sha1, kMessage).size(), 36u);
}

}  // namespace
}  // namespace gauntlet
