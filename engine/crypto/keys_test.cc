// Private keys from PEM and DER, in every encoding OpenSSL writes.
#include "engine/crypto/keys.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

// key serialised by an OpenSSL i2d_* or PEM_write_bio_* call.
template <typename Write>
Bytes encode(const PrivateKey& key, Write write) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  EXPECT_EQ(write(bio.get(), key.get()), 1);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return Bytes(data, data + len);
}

TEST(Keys, LoadsEveryTestKeyFromPem) {
  EXPECT_EQ(test_key("server-rsa").type(), KeyType::rsa);
  EXPECT_EQ(test_key("server-rsa").bits(), 2048);
  EXPECT_EQ(test_key("server-ecdsa").type(), KeyType::ec_p256);
  EXPECT_EQ(test_key("server-ecdsa").bits(), 256);
  EXPECT_EQ(test_key("server-dsa").type(), KeyType::dsa);
  EXPECT_EQ(test_key("server-dsa").bits(), 2048);
}

TEST(Keys, RecognisesGeneratedKeyTypes) {
  const EvpPkeyPtr ed(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  const EvpPkeyPtr p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
  const EvpPkeyPtr p521(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521"));
  const EvpPkeyPtr x25519(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
  EXPECT_EQ(key_type(ed.get()), KeyType::ed25519);
  EXPECT_EQ(key_type(p384.get()), KeyType::ec_p384);
  EXPECT_EQ(key_type(p521.get()), KeyType::ec_p521);
  EXPECT_EQ(key_type(x25519.get()), KeyType::other);
  EXPECT_EQ(key_type_name(KeyType::ec_p384), "ECDSA P-384");
}

TEST(Keys, LoadsPkcs8AndTraditionalPemAndDer) {
  const PrivateKey ec = test_key("server-ecdsa");
  const auto pkcs8_der = [](BIO* b, EVP_PKEY* k) {
    return i2d_PKCS8PrivateKey_bio(b, k, nullptr, nullptr, 0, nullptr, nullptr);
  };
  const auto traditional_der = [](BIO* b, EVP_PKEY* k) { return i2d_PrivateKey_bio(b, k); };
  const auto traditional_pem = [](BIO* b, EVP_PKEY* k) {
    return PEM_write_bio_PrivateKey_traditional(b, k, nullptr, nullptr, 0, nullptr, nullptr);
  };
  for (const Bytes& encoded :
       {encode(ec, pkcs8_der), encode(ec, traditional_der), encode(ec, traditional_pem)}) {
    auto loaded = load_private_key(encoded);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    EXPECT_EQ(loaded->type(), KeyType::ec_p256);
    EXPECT_EQ(EVP_PKEY_eq(loaded->get(), ec.get()), 1);
  }
}

TEST(Keys, RejectsTruncatedAndGarbage) {
  auto pem = read_file(kTestPki + "server-rsa.key");
  ASSERT_TRUE(pem.ok());
  EXPECT_EQ(load_private_key(ByteView(*pem).first(pem->size() / 2)).error().alert,
            AlertDescription::decode_error);
  const Bytes der =
      encode(test_key("server-rsa"), [](BIO* b, EVP_PKEY* k) { return i2d_PrivateKey_bio(b, k); });
  EXPECT_EQ(load_private_key(ByteView(der).first(der.size() - 1)).error().alert,
            AlertDescription::decode_error);
  EXPECT_EQ(load_private_key(Bytes{1, 2, 3}).error().alert, AlertDescription::decode_error);
  EXPECT_EQ(load_private_key(Bytes{}).error().alert, AlertDescription::decode_error);
  auto missing = load_private_key_file(kTestPki + "no-such.key");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().reason.find("no-such.key"), std::string::npos);
}

TEST(Keys, CopiesShareTheKey) {
  const PrivateKey original = test_key("server-rsa");
  PrivateKey copy = original;
  EXPECT_EQ(copy.get(), original.get());
  PublicKey pub = original.public_key();
  const PublicKey pub_copy = pub;
  EXPECT_EQ(pub_copy.get(), original.get());
  copy = test_key("server-ecdsa");
  EXPECT_EQ(copy.type(), KeyType::ec_p256);
  EXPECT_EQ(original.type(), KeyType::rsa);
}

}  // namespace
}  // namespace gauntlet
