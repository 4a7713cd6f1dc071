// The CLIENT-MASTER-KEY encryption and the RFC 6101 E.2 rollback guard:
// our blocks opened with OpenSSL's raw RSA, and the server's decryption
// answering every bad block, a detected rollback included, with exactly the
// caller's random secret.
#include "engine/crypto/ssl2_rsa.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

constexpr size_t kModulus = 256;  // server-rsa is RSA 2048

class Ssl2Rsa : public testing::Test {
 protected:
  Bytes openssl_decrypt(const Bytes& ciphertext, int padding) {
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key_.get(), nullptr));
    EXPECT_EQ(EVP_PKEY_decrypt_init(ctx.get()), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), padding), 1);
    Bytes out(kModulus);
    size_t len = out.size();
    EXPECT_EQ(EVP_PKEY_decrypt(ctx.get(), out.data(), &len, ciphertext.data(), ciphertext.size()),
              1);
    out.resize(len);
    return out;
  }
  Bytes encrypt(ByteView secret, Ssl2RollbackGuard guard) {
    auto c = rsa_encrypt_ssl2_secret(key_.public_key(), secret, guard, random_);
    EXPECT_TRUE(c.ok()) << c.error().to_string();
    return c.ok() ? *c : Bytes{};
  }
  Bytes decrypt(const Bytes& ciphertext, Ssl2GuardCheck check) {
    auto out = rsa_decrypt_ssl2_secret(key_, ciphertext, random_secret_, check);
    EXPECT_TRUE(out.ok()) << out.error().to_string();
    return out.ok() ? *out : Bytes{};
  }
  Bytes encrypt_block(const Bytes& em) {
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key_.get(), nullptr));
    EXPECT_EQ(EVP_PKEY_encrypt_init(ctx.get()), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING), 1);
    Bytes out(kModulus);
    size_t len = out.size();
    EXPECT_EQ(EVP_PKEY_encrypt(ctx.get(), out.data(), &len, em.data(), em.size()), 1);
    return out;
  }

  const PrivateKey key_ = test_key("server-rsa");
  DeterministicRandom random_{7};
  const Bytes secret_ = Bytes(16, 0x42);
  const Bytes random_secret_ = Bytes(16, 0xee);
};

// 00 02 PS 00 secret; with the guard PS ends in 8 bytes of 0x03, and either
// way it is a PKCS#1 v1.5 block OpenSSL opens.
TEST_F(Ssl2Rsa, GuardedBlockEndsItsPaddingInEightThrees) {
  for (Ssl2RollbackGuard guard : {Ssl2RollbackGuard::present, Ssl2RollbackGuard::absent}) {
    const Bytes c = encrypt(secret_, guard);
    const Bytes em = openssl_decrypt(c, RSA_NO_PADDING);
    ASSERT_EQ(em.size(), kModulus);
    const size_t separator = kModulus - secret_.size() - 1;
    EXPECT_EQ(em[0], 0);
    EXPECT_EQ(em[1], 2);
    EXPECT_EQ(em[separator], 0);
    for (size_t i = 2; i < separator; ++i) EXPECT_NE(em[i], 0) << i;
    const Bytes tail(em.begin() + separator - 8, em.begin() + separator);
    EXPECT_EQ(tail == Bytes(8, 0x03), guard == Ssl2RollbackGuard::present);
    EXPECT_EQ(Bytes(em.begin() + separator + 1, em.end()), secret_);
    EXPECT_EQ(openssl_decrypt(c, RSA_PKCS1_PADDING), secret_);
  }
}

// An SSL 2.0-only server ignores the guard; one that speaks SSL 3.0 takes
// it as a rollback and continues with the random secret.
TEST_F(Ssl2Rsa, RollbackIsDetectedExactlyWhenGuardedAndChecked) {
  const Bytes guarded = encrypt(secret_, Ssl2RollbackGuard::present);
  const Bytes plain = encrypt(secret_, Ssl2RollbackGuard::absent);
  EXPECT_EQ(decrypt(guarded, Ssl2GuardCheck::reject), random_secret_);
  EXPECT_EQ(decrypt(guarded, Ssl2GuardCheck::ignore), secret_);
  EXPECT_EQ(decrypt(plain, Ssl2GuardCheck::reject), secret_);
  EXPECT_EQ(decrypt(plain, Ssl2GuardCheck::ignore), secret_);
}

// Seven threes are no guard.
TEST_F(Ssl2Rsa, SevenThreesAreNoGuard) {
  Bytes em(kModulus, 0x55);
  em[0] = 0;
  em[1] = 2;
  const size_t separator = kModulus - secret_.size() - 1;
  std::fill(em.begin() + separator - 7, em.begin() + separator, 0x03);
  em[separator] = 0;
  std::copy(secret_.begin(), secret_.end(), em.begin() + separator + 1);
  EXPECT_EQ(decrypt(encrypt_block(em), Ssl2GuardCheck::reject), secret_);
  em[separator - 8] = 0x03;
  EXPECT_EQ(decrypt(encrypt_block(em), Ssl2GuardCheck::reject), random_secret_);
}

// A secret of another length (the separator elsewhere: DROWN's oracle),
// bad fixed bytes, a zero in PS, or a ciphertext of the wrong size all give
// the random secret, never an error.
TEST_F(Ssl2Rsa, EveryMalformationGivesTheRandomSecret) {
  EXPECT_EQ(decrypt(encrypt(Bytes(5, 0x42), Ssl2RollbackGuard::absent), Ssl2GuardCheck::ignore),
            random_secret_);
  EXPECT_EQ(decrypt(encrypt(Bytes(24, 0x42), Ssl2RollbackGuard::absent), Ssl2GuardCheck::ignore),
            random_secret_);
  Bytes em(kModulus, 0x55);
  em[0] = 0;
  em[1] = 2;
  em[kModulus - 17] = 0;
  EXPECT_EQ(decrypt(encrypt_block(em), Ssl2GuardCheck::ignore), Bytes(em.end() - 16, em.end()));
  for (size_t at : {size_t{0}, size_t{1}, kModulus - 17, size_t{5}}) {
    Bytes bad = em;
    bad[at] = at == kModulus - 17 ? 1 : (at == 5 ? 0 : 7);
    EXPECT_EQ(decrypt(encrypt_block(bad), Ssl2GuardCheck::ignore), random_secret_) << at;
  }
  EXPECT_EQ(decrypt(Bytes(kModulus - 1, 1), Ssl2GuardCheck::ignore), random_secret_);
  EXPECT_EQ(decrypt(Bytes(kModulus, 0xff), Ssl2GuardCheck::ignore), random_secret_);
}

TEST_F(Ssl2Rsa, ImpossibleParametersAreInternalErrors) {
  EXPECT_FALSE(rsa_encrypt_ssl2_secret(key_.public_key(), Bytes(kModulus - 10, 1),
                                       Ssl2RollbackGuard::absent, random_)
                   .ok());
  EXPECT_FALSE(rsa_decrypt_ssl2_secret(key_, encrypt(secret_, Ssl2RollbackGuard::absent),
                                       Bytes(kModulus - 10, 1), Ssl2GuardCheck::ignore)
                   .ok());
  const PrivateKey ec = test_key("server-ecdsa");
  EXPECT_FALSE(
      rsa_encrypt_ssl2_secret(ec.public_key(), secret_, Ssl2RollbackGuard::absent, random_).ok());
}

}  // namespace
}  // namespace gauntlet
