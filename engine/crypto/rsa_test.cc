// RSA key transport: PKCS#1 v1.5 encryption cross-checked with OpenSSL, and
// the RFC 5246 §7.4.7.1 premaster decryption, whose every malformation must
// yield exactly the caller's random premaster.
#include "engine/crypto/rsa.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

constexpr size_t kModulus = 256;  // server-rsa is RSA 2048

class Rsa : public testing::Test {
 protected:
  // Raw RSA (no padding) of a hand-built encoded message.
  Bytes encrypt_raw(const Bytes& em) {
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(rsa_.get(), nullptr));
    EXPECT_EQ(EVP_PKEY_encrypt_init(ctx.get()), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING), 1);
    size_t len = kModulus;
    Bytes out(len);
    EXPECT_EQ(EVP_PKEY_encrypt(ctx.get(), out.data(), &len, em.data(), em.size()), 1);
    return out;
  }
  // 00 02 PS 00 payload, with PS non-zero.
  static Bytes encoded(const Bytes& payload) {
    Bytes em = {0, 2};
    em.insert(em.end(), kModulus - 3 - payload.size(), 0x55);
    em.push_back(0);
    em.insert(em.end(), payload.begin(), payload.end());
    return em;
  }
  // A TLS 1.2 premaster: client_version 3,3 then 46 bytes.
  static Bytes premaster() {
    Bytes p(kPremasterSize, 0x77);
    p[0] = 3;
    p[1] = 3;
    return p;
  }
  Bytes decrypt(const Bytes& ciphertext, bool check_version = true) {
    auto out = rsa_decrypt_premaster(rsa_, ciphertext, random_, 0x0303, check_version);
    EXPECT_TRUE(out.ok()) << out.error().to_string();
    return out.ok() ? *out : Bytes{};
  }

  const PrivateKey rsa_ = test_key("server-rsa");
  const Bytes random_ = Bytes(kPremasterSize, 0xee);
};

TEST_F(Rsa, Pkcs1EncryptionDecryptsWithOpenSsl) {
  auto c = rsa_encrypt_pkcs1(rsa_.public_key(), premaster());
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  ASSERT_EQ(c->size(), kModulus);
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(rsa_.get(), nullptr));
  ASSERT_EQ(EVP_PKEY_decrypt_init(ctx.get()), 1);
  ASSERT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING), 1);
  Bytes plain(kModulus);
  size_t len = plain.size();
  ASSERT_EQ(EVP_PKEY_decrypt(ctx.get(), plain.data(), &len, c->data(), c->size()), 1);
  plain.resize(len);
  EXPECT_EQ(plain, premaster());
  // Two encryptions differ: the padding is random.
  EXPECT_NE(*rsa_encrypt_pkcs1(rsa_.public_key(), premaster()), *c);
}

TEST_F(Rsa, RawDecryptionShowsTheType2Block) {
  auto c = rsa_encrypt_pkcs1(rsa_.public_key(), premaster());
  ASSERT_TRUE(c.ok());
  auto em = rsa_decrypt_raw(rsa_, *c);
  ASSERT_TRUE(em.ok()) << em.error().to_string();
  ASSERT_EQ(em->size(), kModulus);
  EXPECT_EQ((*em)[0], 0);
  EXPECT_EQ((*em)[1], 2);
  EXPECT_EQ((*em)[kModulus - kPremasterSize - 1], 0);
  EXPECT_EQ(Bytes(em->end() - kPremasterSize, em->end()), premaster());
  EXPECT_EQ(rsa_decrypt_raw(rsa_, Bytes(kModulus - 1, 1)).error().alert,
            AlertDescription::decode_error);
  EXPECT_EQ(rsa_decrypt_raw(rsa_, Bytes(kModulus, 0xff)).error().alert,
            AlertDescription::decode_error)
      << "not below the modulus";
}

TEST_F(Rsa, NonRsaKeysAreRefused) {
  const PrivateKey ec = test_key("server-ecdsa");
  EXPECT_EQ(rsa_encrypt_pkcs1(ec.public_key(), premaster()).error().alert,
            AlertDescription::internal_error);
  EXPECT_EQ(rsa_decrypt_raw(ec, Bytes(64, 1)).error().alert, AlertDescription::internal_error);
  EXPECT_EQ(rsa_decrypt_premaster(ec, Bytes(64, 1), random_, 0x0303, true).error().alert,
            AlertDescription::internal_error);
}

TEST_F(Rsa, GoodPremasterDecrypts) {
  auto c = rsa_encrypt_pkcs1(rsa_.public_key(), premaster());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(decrypt(*c), premaster());
  EXPECT_EQ(decrypt(encrypt_raw(encoded(premaster()))), premaster());
}

TEST_F(Rsa, EachMalformationGivesExactlyTheRandomPremaster) {
  Bytes wrong_first = encoded(premaster());
  wrong_first[0] = 1;
  Bytes wrong_type = encoded(premaster());
  wrong_type[1] = 1;
  Bytes no_separator = encoded(premaster());
  no_separator[kModulus - kPremasterSize - 1] = 0x55;
  Bytes zero_in_padding = encoded(premaster());
  zero_in_padding[5] = 0;  // within the first 8 padding bytes
  Bytes short_payload_payload = premaster();
  short_payload_payload.pop_back();
  Bytes long_payload_payload = premaster();
  long_payload_payload.insert(long_payload_payload.begin(), 0x03);
  Bytes wrong_version = premaster();
  wrong_version[1] = 1;
  const struct {
    const char* what;
    Bytes em;
  } cases[] = {
      {"wrong first byte", wrong_first},
      {"wrong block type", wrong_type},
      {"no zero separator", no_separator},
      {"zero inside the 8 padding bytes", zero_in_padding},
      {"47-byte payload", encoded(short_payload_payload)},
      {"49-byte payload", encoded(long_payload_payload)},
      {"wrong client_version", encoded(wrong_version)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(decrypt(encrypt_raw(c.em)), random_) << c.what;
  }
}

TEST_F(Rsa, WrongVersionPassesWithoutTheCheck) {
  Bytes old = premaster();
  old[1] = 1;
  EXPECT_EQ(decrypt(encrypt_raw(encoded(old)), false), old);
  EXPECT_EQ(decrypt(encrypt_raw(encoded(old)), true), random_);
}

// RFC 5246 §7.4.7.1: a ciphertext of the wrong length, all zeros or ≥ the
// modulus gets the same answer as bad padding.
TEST_F(Rsa, EveryBadCiphertextTakesTheRandomPremaster) {
  EXPECT_EQ(decrypt(Bytes(kModulus - 1, 1)), random_);
  EXPECT_EQ(decrypt(Bytes(kModulus + 1, 1)), random_);
  EXPECT_EQ(decrypt(Bytes{}), random_);
  EXPECT_EQ(decrypt(Bytes(kModulus, 0)), random_);
  EXPECT_EQ(decrypt(Bytes(kModulus, 0xff)), random_);
}

}  // namespace
}  // namespace gauntlet
