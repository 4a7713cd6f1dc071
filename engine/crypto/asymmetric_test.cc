// Keys, signatures, RSA premaster handling and certificates, against the
// test PKI and cross-checked with OpenSSL's own EVP calls.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "engine/crypto/keys.h"
#include "engine/crypto/random.h"
#include "engine/crypto/rsa.h"
#include "engine/crypto/signature.h"
#include "engine/crypto/x509.h"

namespace gauntlet {
namespace {

const std::string kDir = "engine/crypto/testdata/";

PrivateKey key(const std::string& name) {
  auto k = load_private_key_file(kDir + name + ".key");
  EXPECT_TRUE(k.ok()) << k.error().to_string();
  return *k;
}

std::vector<Certificate> chain(const std::string& name) {
  auto c = load_certificates_file(kDir + name);
  EXPECT_TRUE(c.ok()) << c.error().to_string();
  return *c;
}

TEST(Keys, LoadsEveryKeyTypeFromPem) {
  EXPECT_EQ(key("server-rsa").type(), KeyType::rsa);
  EXPECT_EQ(key("server-rsa").bits(), 2048);
  EXPECT_EQ(key("server-ecdsa").type(), KeyType::ec_p256);
  EXPECT_EQ(key("server-dsa").type(), KeyType::dsa);
}

TEST(Keys, LoadsDerAndRejectsGarbage) {
  PrivateKey k = key("server-ecdsa");
  unsigned char* der = nullptr;
  const int len = i2d_PrivateKey(k.get(), &der);
  ASSERT_GT(len, 0);
  const Bytes bytes(der, der + len);
  OPENSSL_free(der);
  auto loaded = load_private_key(bytes);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->type(), KeyType::ec_p256);
  EXPECT_EQ(load_private_key(ByteView(bytes).first(bytes.size() / 2)).error().alert,
            AlertDescription::decode_error);
  EXPECT_FALSE(load_private_key(Bytes{1, 2, 3}).ok());
  EXPECT_FALSE(load_private_key_file(kDir + "no-such.key").ok());
}

struct SignCase {
  const char* key;
  SignatureParams params;
};

class Signatures : public testing::TestWithParam<SignCase> {};

TEST_P(Signatures, RoundTripAndTamper) {
  const PrivateKey k = key(GetParam().key);
  const Bytes message = {'s', 'e', 'r', 'v', 'e', 'r', ' ', 'p', 'a', 'r', 'a', 'm', 's'};
  auto sig = sign(k, GetParam().params, message);
  ASSERT_TRUE(sig.ok()) << sig.error().to_string();
  EXPECT_TRUE(verify(k.public_key(), GetParam().params, message, *sig).ok());
  Bytes tampered = *sig;
  tampered[tampered.size() / 2] ^= 1;
  EXPECT_EQ(verify(k.public_key(), GetParam().params, message, tampered).error().alert,
            AlertDescription::decrypt_error);
  Bytes other = message;
  other[0] ^= 1;
  EXPECT_FALSE(verify(k.public_key(), GetParam().params, other, *sig).ok());
}

using P = SignaturePadding;
using D = SignatureDigest;
INSTANTIATE_TEST_SUITE_P(
    All, Signatures,
    testing::Values(SignCase{"server-rsa", {P::pkcs1, D::sha1}},
                    SignCase{"server-rsa", {P::pkcs1, D::sha256}},
                    SignCase{"server-rsa", {P::pkcs1, D::sha384}},
                    SignCase{"server-rsa", {P::pkcs1, D::md5_sha1}},
                    SignCase{"server-rsa", {P::pss, D::sha256}},
                    SignCase{"server-rsa", {P::pss, D::sha512}},
                    SignCase{"server-dsa", {P::none, D::sha1}},
                    SignCase{"server-dsa", {P::none, D::sha256}},
                    SignCase{"server-ecdsa", {P::none, D::sha1}},
                    SignCase{"server-ecdsa", {P::none, D::sha256}}));

TEST(Signatures, AgreeWithOpenSslDigestVerify) {
  const PrivateKey k = key("server-rsa");
  const Bytes message(100, 0x5a);
  auto sig = sign(k, {P::pkcs1, D::sha256}, message);
  ASSERT_TRUE(sig.ok());
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ASSERT_EQ(EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, k.get()), 1);
  EXPECT_EQ(EVP_DigestVerify(ctx, sig->data(), sig->size(), message.data(), message.size()), 1);
  // And OpenSSL's signature verifies with ours.
  EVP_MD_CTX* sctx = EVP_MD_CTX_new();
  ASSERT_EQ(EVP_DigestSignInit(sctx, nullptr, EVP_sha256(), nullptr, k.get()), 1);
  size_t len = 0;
  EVP_DigestSign(sctx, nullptr, &len, message.data(), message.size());
  Bytes theirs(len);
  ASSERT_EQ(EVP_DigestSign(sctx, theirs.data(), &len, message.data(), message.size()), 1);
  theirs.resize(len);
  EXPECT_TRUE(verify(k.public_key(), {P::pkcs1, D::sha256}, message, theirs).ok());
  EVP_MD_CTX_free(ctx);
  EVP_MD_CTX_free(sctx);
}

// RFC 5246 §7.4.7.1: every malformed premaster yields the random one.
class Premaster : public testing::Test {
 protected:
  Bytes encrypt_raw(const Bytes& em) {
    // Raw RSA (no padding) of a hand-built encoded message.
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(rsa_.get(), nullptr);
    EVP_PKEY_encrypt_init(ctx);
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING);
    size_t len = 256;
    Bytes out(len);
    EXPECT_EQ(EVP_PKEY_encrypt(ctx, out.data(), &len, em.data(), em.size()), 1);
    EVP_PKEY_CTX_free(ctx);
    return out;
  }
  // 00 02 PS 00 premaster, with PS non-zero.
  Bytes encoded(const Bytes& premaster) {
    Bytes em = {0, 2};
    em.insert(em.end(), 256 - 3 - premaster.size(), 0x55);
    em.push_back(0);
    em.insert(em.end(), premaster.begin(), premaster.end());
    return em;
  }
  Bytes premaster() {
    Bytes p(48, 0x77);
    p[0] = 3;
    p[1] = 3;
    return p;
  }
  Bytes decrypt(const Bytes& ciphertext, bool check_version = true) {
    auto out = rsa_decrypt_premaster(rsa_, ciphertext, random_, 0x0303, check_version);
    EXPECT_TRUE(out.ok());
    return *out;
  }

  PrivateKey rsa_ = key("server-rsa");
  const Bytes random_ = Bytes(48, 0xee);
};

TEST_F(Premaster, GoodPremasterDecrypts) {
  auto c = rsa_encrypt_pkcs1(rsa_.public_key(), premaster());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(decrypt(*c), premaster());
  EXPECT_EQ(decrypt(encrypt_raw(encoded(premaster()))), premaster());
}

TEST_F(Premaster, EveryMalformationGivesTheRandomPremaster) {
  Bytes wrong_first = encoded(premaster());
  wrong_first[0] = 1;
  Bytes wrong_type = encoded(premaster());
  wrong_type[1] = 1;
  Bytes no_separator = encoded(premaster());
  no_separator[256 - 49] = 0x55;
  Bytes zero_in_padding = encoded(premaster());
  zero_in_padding[5] = 0;
  const Bytes short_payload = encoded(Bytes(47, 3));
  Bytes wrong_version = premaster();
  wrong_version[1] = 1;
  for (const Bytes& em : {no_separator, zero_in_padding, short_payload, encoded(wrong_version),
                          wrong_type}) {
    EXPECT_EQ(decrypt(encrypt_raw(em)), random_);
  }
  // A first byte of 1 makes the integer larger than... still below n here.
  EXPECT_EQ(decrypt(encrypt_raw(wrong_first)), random_);
}

TEST_F(Premaster, WrongVersionPassesWithoutTheCheck) {
  Bytes old = premaster();
  old[1] = 1;
  EXPECT_EQ(decrypt(encrypt_raw(encoded(old)), false), old);
}

TEST_F(Premaster, CiphertextOfWrongLengthIsAnError) {
  EXPECT_FALSE(rsa_decrypt_premaster(rsa_, Bytes(255, 1), random_, 0x0303, true).ok());
  // A ciphertext ≥ the modulus fails to decrypt: same answer as bad padding.
  EXPECT_EQ(decrypt(Bytes(256, 0xff)), random_);
}

TEST(Certificates, LoadChainAndFields) {
  const auto c = chain("server-rsa-chain.pem");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].subject(), "CN=server-rsa,O=Gauntlet test");
  EXPECT_EQ(c[0].issuer(), c[1].subject());
  EXPECT_EQ(c[0].not_before(), 1577836800);  // 2020-01-01
  EXPECT_TRUE(c[0].allows_digital_signature());
  EXPECT_TRUE(c[0].allows_key_encipherment());
  EXPECT_EQ(c[0].public_key().type(), KeyType::rsa);
  auto der = Certificate::from_der(c[0].der());
  ASSERT_TRUE(der.ok());
  EXPECT_EQ(der->der(), c[0].der());
  Bytes trailing = c[0].der();
  trailing.push_back(0);
  EXPECT_EQ(Certificate::from_der(trailing).error().alert, AlertDescription::bad_certificate);
  EXPECT_FALSE(Certificate::from_der(ByteView(c[0].der()).first(100)).ok());
  EXPECT_FALSE(load_certificates(Bytes{'x', 'y'}).ok());
}

class Verify : public testing::Test {
 protected:
  Verify() { EXPECT_TRUE(trust_.add_file(kDir + "root-ca.pem").ok()); }
  Status check(const std::string& file, const std::string& host, int64_t now = kNow,
               Purpose purpose = Purpose::server) {
    return verify_chain(trust_, chain(file), host, now, purpose);
  }
  static constexpr int64_t kNow = 1800000000;  // 2027
  TrustStore trust_;
};

TEST_F(Verify, GoodChains) {
  EXPECT_TRUE(check("server-rsa-chain.pem", "localhost").ok());
  EXPECT_TRUE(check("server-rsa-chain.pem", "127.0.0.1").ok());
  EXPECT_TRUE(check("server-ecdsa-chain.pem", "localhost").ok());
  EXPECT_TRUE(check("server-dsa-chain.pem", "localhost").ok());
  EXPECT_TRUE(verify_chain(trust_, chain("client-rsa-chain.pem"), std::nullopt, kNow,
                           Purpose::client)
                  .ok());
  EXPECT_EQ(verify_chain(trust_, chain("client-rsa-chain.pem"), std::nullopt, kNow,
                         Purpose::server)
                .error()
                .alert,
            AlertDescription::unsupported_certificate)
      << "a clientAuth certificate is not a server certificate";
}

TEST_F(Verify, Failures) {
  EXPECT_EQ(check("server-expired-chain.pem", "localhost").error().alert,
            AlertDescription::certificate_expired);
  EXPECT_EQ(check("server-rsa-chain.pem", "localhost", 1500000000).error().alert,
            AlertDescription::certificate_expired)
      << "2017 is before not_before";
  EXPECT_EQ(check("self-signed.pem", "localhost").error().alert, AlertDescription::unknown_ca);
  EXPECT_EQ(check("server-rsa.pem", "localhost").error().alert, AlertDescription::unknown_ca)
      << "intermediate missing";
  EXPECT_EQ(check("server-wrong-name-chain.pem", "localhost").error().alert,
            AlertDescription::bad_certificate);
  EXPECT_EQ(check("server-rsa-chain.pem", "other.example").error().alert,
            AlertDescription::bad_certificate);
  EXPECT_EQ(check("server-client-eku-chain.pem", "localhost").error().alert,
            AlertDescription::unsupported_certificate);
  TrustStore empty;
  EXPECT_EQ(verify_chain(empty, chain("server-rsa-chain.pem"), std::nullopt, kNow,
                         Purpose::server).error().alert,
            AlertDescription::unknown_ca);
}

}  // namespace
}  // namespace gauntlet
