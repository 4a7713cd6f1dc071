// ECDH: the RFC 7748 X25519 and X448 vectors, and X25519/X448/P-256/P-384/
// P-521 agreement with an OpenSSL-generated peer (EVP_PKEY_derive); invalid
// peer values must be illegal_parameter.
#include "engine/crypto/ecdh.h"

#include <gtest/gtest.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

// Supplies fixed bytes, for the RFC 7748 private keys.
class FixedRandom final : public RandomSource {
 public:
  explicit FixedRandom(Bytes b) : bytes_(std::move(b)) {}
  void fill(std::span<uint8_t> out) override {
    for (size_t i = 0; i < out.size(); ++i) out[i] = bytes_[i % bytes_.size()];
  }

 private:
  Bytes bytes_;
};

// X25519(k, u) through the public API: k as the private key, u as the peer.
Bytes x25519(const Bytes& k, const Bytes& u) {
  FixedRandom random(k);
  auto key = EcdhKey::generate(EcdhGroup::x25519, random);
  EXPECT_TRUE(key.ok());
  auto out = key->shared_secret(u);
  EXPECT_TRUE(out.ok()) << out.error().to_string();
  return out.ok() ? *out : Bytes{};
}

// RFC 7748 §5.2.
TEST(X25519, Rfc7748ScalarMultiplication) {
  EXPECT_EQ(x25519(hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                   hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")),
            hex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"));
  // The u-coordinate's top bit is set; X25519 must ignore it.
  EXPECT_EQ(x25519(hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                   hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")),
            hex("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"));
}

// RFC 7748 §5.2, iterated: k = u = 9, then k, u = X25519(k, u), k.
TEST(X25519, Rfc7748Iterated) {
  Bytes k = hex("0900000000000000000000000000000000000000000000000000000000000000");
  Bytes u = k;
  for (int i = 1; i <= 1000; ++i) {
    Bytes next = x25519(k, u);
    u = std::move(k);
    k = std::move(next);
    if (i == 1) {
      EXPECT_EQ(k, hex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
    }
  }
  EXPECT_EQ(k, hex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
}

// RFC 7748 §6.1.
TEST(X25519, Rfc7748DiffieHellman) {
  FixedRandom alice_random(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  FixedRandom bob_random(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
  auto alice = EcdhKey::generate(EcdhGroup::x25519, alice_random);
  auto bob = EcdhKey::generate(EcdhGroup::x25519, bob_random);
  ASSERT_TRUE(alice.ok() && bob.ok());
  EXPECT_EQ(alice->public_value(),
            hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
  EXPECT_EQ(bob->public_value(),
            hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
  const Bytes k = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  EXPECT_EQ(*alice->shared_secret(bob->public_value()), k);
  EXPECT_EQ(*bob->shared_secret(alice->public_value()), k);
}

TEST(X25519, DeterministicFromTheSeed) {
  DeterministicRandom r1(7), r2(7), r3(8);
  const Bytes a = EcdhKey::generate(EcdhGroup::x25519, r1)->public_value();
  EXPECT_EQ(a, EcdhKey::generate(EcdhGroup::x25519, r2)->public_value());
  EXPECT_NE(a, EcdhKey::generate(EcdhGroup::x25519, r3)->public_value());
}

// RFC 7748 §6.2.
TEST(X448, Rfc7748DiffieHellman) {
  FixedRandom alice_random(
      hex("9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6"
          "f127ab1d9ac2d8c0a598726b"));
  FixedRandom bob_random(
      hex("1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c92"
          "1b09d1b0366f10b65173992d"));
  auto alice = EcdhKey::generate(EcdhGroup::x448, alice_random);
  auto bob = EcdhKey::generate(EcdhGroup::x448, bob_random);
  ASSERT_TRUE(alice.ok() && bob.ok());
  EXPECT_EQ(alice->public_value(), hex("9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c"
                                       "5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0"));
  EXPECT_EQ(bob->public_value(), hex("3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b"
                                     "972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609"));
  const Bytes k =
      hex("07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c2440"
          "3085d59a449a5037514a879d");
  EXPECT_EQ(*alice->shared_secret(bob->public_value()), k);
  EXPECT_EQ(*bob->shared_secret(alice->public_value()), k);
}

// X25519 and X448 against OpenSSL's own keys and EVP_PKEY_derive.
class Montgomery : public testing::TestWithParam<EcdhGroup> {};

TEST_P(Montgomery, AgreesWithOpenSsl) {
  const std::string name = ecdh_group_name(GetParam());
  DeterministicRandom random(5);
  auto ours = EcdhKey::generate(GetParam(), random);
  ASSERT_TRUE(ours.ok());
  const EvpPkeyPtr theirs(EVP_PKEY_Q_keygen(nullptr, nullptr, name.c_str()));
  ASSERT_TRUE(theirs);
  Bytes their_pub(ecdh_public_size(GetParam()));
  size_t len = their_pub.size();
  ASSERT_EQ(EVP_PKEY_get_raw_public_key(theirs.get(), their_pub.data(), &len), 1);
  auto secret = ours->shared_secret(their_pub);
  ASSERT_TRUE(secret.ok()) << secret.error().to_string();

  const EvpPkeyPtr peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_get_id(theirs.get()), nullptr,
                                                    ours->public_value().data(),
                                                    ours->public_value().size()));
  EvpPkeyCtxPtr derive(EVP_PKEY_CTX_new(theirs.get(), nullptr));
  ASSERT_EQ(EVP_PKEY_derive_init(derive.get()), 1);
  ASSERT_EQ(EVP_PKEY_derive_set_peer(derive.get(), peer.get()), 1);
  Bytes expected(len);
  ASSERT_EQ(EVP_PKEY_derive(derive.get(), expected.data(), &len), 1);
  EXPECT_EQ(*secret, expected);
}

// RFC 7748 §6: an all-zero result means a low-order peer value (0 and 1
// are two); a value of another length is not one of the curve's.
TEST_P(Montgomery, RejectsLowOrderAndWrongLength) {
  const size_t size = ecdh_public_size(GetParam());
  DeterministicRandom random(1);
  auto key = EcdhKey::generate(GetParam(), random);
  ASSERT_TRUE(key.ok());
  Bytes one(size, 0);
  one[0] = 1;
  for (const Bytes& bad : {Bytes(size, 0), one, Bytes(size - 1, 9), Bytes(size + 1, 9), Bytes{}}) {
    EXPECT_EQ(key->shared_secret(bad).error().alert, AlertDescription::illegal_parameter);
  }
}

INSTANTIATE_TEST_SUITE_P(Curves, Montgomery, testing::Values(EcdhGroup::x25519, EcdhGroup::x448));

class Nist : public testing::TestWithParam<EcdhGroup> {
 protected:
  std::string name = ecdh_group_name(GetParam());
  const char* curve() const { return name.c_str(); }
};

TEST_P(Nist, AgreesWithItself) {
  DeterministicRandom ra(1), rb(2);
  auto a = EcdhKey::generate(GetParam(), ra);
  auto b = EcdhKey::generate(GetParam(), rb);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->public_value().size(), ecdh_public_size(GetParam()));
  EXPECT_EQ(a->public_value()[0], 4);
  auto ab = a->shared_secret(b->public_value());
  ASSERT_TRUE(ab.ok()) << ab.error().to_string();
  EXPECT_EQ(ab->size(), (ecdh_public_size(GetParam()) - 1) / 2) << "the X coordinate";
  EXPECT_EQ(*ab, *b->shared_secret(a->public_value()));
}

TEST_P(Nist, AgreesWithOpenSsl) {
  DeterministicRandom random(3);
  auto ours = EcdhKey::generate(GetParam(), random);
  ASSERT_TRUE(ours.ok());
  const EvpPkeyPtr theirs(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve()));
  ASSERT_TRUE(theirs);
  Bytes their_pub(ecdh_public_size(GetParam()));
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_get_octet_string_param(theirs.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                                            their_pub.data(), their_pub.size(), &len),
            1);
  ASSERT_EQ(len, their_pub.size());
  auto secret = ours->shared_secret(their_pub);
  ASSERT_TRUE(secret.ok()) << secret.error().to_string();

  // OpenSSL derives with our public value imported as its peer.
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(curve()), 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                        const_cast<uint8_t*>(ours->public_value().data()),
                                        ours->public_value().size()),
      OSSL_PARAM_construct_end()};
  EvpPkeyCtxPtr import(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* raw_peer = nullptr;
  ASSERT_EQ(EVP_PKEY_fromdata_init(import.get()), 1);
  ASSERT_EQ(EVP_PKEY_fromdata(import.get(), &raw_peer, EVP_PKEY_PUBLIC_KEY,
                              const_cast<OSSL_PARAM*>(params)),
            1);
  const EvpPkeyPtr peer(raw_peer);
  EvpPkeyCtxPtr derive(EVP_PKEY_CTX_new(theirs.get(), nullptr));
  ASSERT_EQ(EVP_PKEY_derive_init(derive.get()), 1);
  ASSERT_EQ(EVP_PKEY_derive_set_peer(derive.get(), peer.get()), 1);
  Bytes expected(66);
  size_t expected_len = expected.size();
  ASSERT_EQ(EVP_PKEY_derive(derive.get(), expected.data(), &expected_len), 1);
  expected.resize(expected_len);
  EXPECT_EQ(*secret, expected);
}

TEST_P(Nist, RejectsBadPoints) {
  DeterministicRandom r(1);
  auto a = EcdhKey::generate(GetParam(), r);
  ASSERT_TRUE(a.ok());
  Bytes off_curve = a->public_value();
  off_curve.back() ^= 1;
  Bytes compressed = a->public_value();
  compressed[0] = 2;
  Bytes hybrid = a->public_value();
  hybrid[0] = 6;
  Bytes zeros(ecdh_public_size(GetParam()), 0);
  zeros[0] = 4;
  // x = y = p - 1 style garbage: coordinates not below the field prime.
  Bytes too_large(ecdh_public_size(GetParam()), 0xff);
  too_large[0] = 4;
  Bytes truncated = a->public_value();
  truncated.pop_back();
  for (const Bytes& bad :
       {off_curve, compressed, hybrid, zeros, too_large, truncated, Bytes{0}, Bytes{}}) {
    EXPECT_EQ(a->shared_secret(bad).error().alert, AlertDescription::illegal_parameter);
  }
}

TEST_P(Nist, DeterministicFromTheSeed) {
  DeterministicRandom r1(42), r2(42), r3(43);
  const Bytes a = EcdhKey::generate(GetParam(), r1)->public_value();
  EXPECT_EQ(a, EcdhKey::generate(GetParam(), r2)->public_value());
  EXPECT_NE(a, EcdhKey::generate(GetParam(), r3)->public_value());
}

INSTANTIATE_TEST_SUITE_P(Curves, Nist,
                         testing::Values(EcdhGroup::p256, EcdhGroup::p384, EcdhGroup::p521));

TEST(Ecdh, Names) {
  EXPECT_EQ(ecdh_group_name(EcdhGroup::x25519), "X25519");
  EXPECT_EQ(ecdh_group_name(EcdhGroup::p384), "P-384");
  EXPECT_EQ(ecdh_public_size(EcdhGroup::p256), 65u);
  EXPECT_EQ(ecdh_public_size(EcdhGroup::x25519), 32u);
  EXPECT_EQ(ecdh_group_name(EcdhGroup::x448), "X448");
  EXPECT_EQ(ecdh_public_size(EcdhGroup::x448), 56u);
  EXPECT_EQ(ecdh_group_name(EcdhGroup::p521), "P-521");
  EXPECT_EQ(ecdh_public_size(EcdhGroup::p521), 133u);
}

}  // namespace
}  // namespace gauntlet
