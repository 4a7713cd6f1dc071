#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "engine/crypto/dh.h"
#include "engine/crypto/ecdh.h"
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

TEST(X25519, RejectsLowOrderAndWrongLength) {
  DeterministicRandom random(1);
  auto key = EcdhKey::generate(EcdhGroup::x25519, random);
  EXPECT_EQ(key->shared_secret(Bytes(32, 0)).error().alert, AlertDescription::illegal_parameter);
  Bytes one(32, 0);
  one[0] = 1;
  EXPECT_EQ(key->shared_secret(one).error().alert, AlertDescription::illegal_parameter);
  EXPECT_EQ(key->shared_secret(Bytes(31, 9)).error().alert, AlertDescription::illegal_parameter);
}

class Nist : public testing::TestWithParam<EcdhGroup> {};

TEST_P(Nist, AgreesWithItselfAndWithOpenSsl) {
  DeterministicRandom ra(1), rb(2);
  auto a = EcdhKey::generate(GetParam(), ra);
  auto b = EcdhKey::generate(GetParam(), rb);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->public_value().size(), ecdh_public_size(GetParam()));
  EXPECT_EQ(a->public_value()[0], 4);
  EXPECT_EQ(*a->shared_secret(b->public_value()), *b->shared_secret(a->public_value()));

  // An OpenSSL-generated peer.
  EVP_PKEY* theirs = EVP_EC_gen(GetParam() == EcdhGroup::p256 ? "P-256" : "P-384");
  ASSERT_NE(theirs, nullptr);
  Bytes their_pub(ecdh_public_size(GetParam()));
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_get_octet_string_param(theirs, "encoded-pub-key", their_pub.data(),
                                            their_pub.size(), &len),
            1);
  auto ours = a->shared_secret(their_pub);
  ASSERT_TRUE(ours.ok()) << ours.error().to_string();
  // OpenSSL derives with our public value imported as its peer.
  EVP_PKEY* peer = nullptr;
  {
    EVP_PKEY_CTX* ictx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(
            "group", const_cast<char*>(GetParam() == EcdhGroup::p256 ? "P-256" : "P-384"), 0),
        OSSL_PARAM_construct_octet_string("pub", const_cast<uint8_t*>(a->public_value().data()),
                                          a->public_value().size()),
        OSSL_PARAM_construct_end()};
    EVP_PKEY_fromdata_init(ictx);
    ASSERT_EQ(EVP_PKEY_fromdata(ictx, &peer, EVP_PKEY_PUBLIC_KEY, params), 1);
    EVP_PKEY_CTX_free(ictx);
  }
  EVP_PKEY_CTX* dctx = EVP_PKEY_CTX_new(theirs, nullptr);
  EVP_PKEY_derive_init(dctx);
  EVP_PKEY_derive_set_peer(dctx, peer);
  Bytes secret(64);
  size_t slen = secret.size();
  ASSERT_EQ(EVP_PKEY_derive(dctx, secret.data(), &slen), 1);
  secret.resize(slen);
  EXPECT_EQ(*ours, secret);
  EVP_PKEY_CTX_free(dctx);
  EVP_PKEY_free(peer);
  EVP_PKEY_free(theirs);
}

TEST_P(Nist, RejectsBadPoints) {
  DeterministicRandom r(1);
  auto a = EcdhKey::generate(GetParam(), r);
  Bytes off_curve = a->public_value();
  off_curve.back() ^= 1;
  EXPECT_EQ(a->shared_secret(off_curve).error().alert, AlertDescription::illegal_parameter);
  Bytes compressed = a->public_value();
  compressed[0] = 2;
  EXPECT_EQ(a->shared_secret(compressed).error().alert, AlertDescription::illegal_parameter);
  EXPECT_EQ(a->shared_secret(Bytes{0}).error().alert, AlertDescription::illegal_parameter);
  Bytes zeros(ecdh_public_size(GetParam()), 0);
  zeros[0] = 4;
  EXPECT_EQ(a->shared_secret(zeros).error().alert, AlertDescription::illegal_parameter);
}

TEST_P(Nist, DeterministicFromTheSeed) {
  DeterministicRandom r1(42), r2(42);
  EXPECT_EQ(EcdhKey::generate(GetParam(), r1)->public_value(),
            EcdhKey::generate(GetParam(), r2)->public_value());
}

INSTANTIATE_TEST_SUITE_P(Curves, Nist, testing::Values(EcdhGroup::p256, EcdhGroup::p384));

TEST(Ffdhe, GroupsAreTheRfc7919Primes) {
  const DhParams p2048 = DhParams::ffdhe(FfdheGroup::ffdhe2048);
  EXPECT_EQ(p2048.bits(), 2048u);
  EXPECT_EQ(Bytes(p2048.p.begin(), p2048.p.begin() + 16),
            hex("FFFFFFFFFFFFFFFFADF85458A2BB4A9A"));
  EXPECT_EQ(Bytes(p2048.p.end() - 16, p2048.p.end()), hex("886B423861285C97FFFFFFFFFFFFFFFF"));
  EXPECT_EQ(p2048.g, Bytes{2});
  EXPECT_EQ(DhParams::ffdhe(FfdheGroup::ffdhe3072).bits(), 3072u);
  EXPECT_EQ(DhParams::ffdhe(FfdheGroup::ffdhe8192).bits(), 8192u);
  EXPECT_TRUE(p2048.check().ok());
}

TEST(Ffdhe, AgreementAndRangeChecks) {
  const DhParams params = DhParams::ffdhe(FfdheGroup::ffdhe2048);
  DeterministicRandom ra(1), rb(2);
  auto a = DhKey::generate(params, ra);
  auto b = DhKey::generate(params, rb);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a->shared_secret(b->public_value()), *b->shared_secret(a->public_value()));
  Bytes p_minus_1 = params.p;
  p_minus_1.back() -= 1;
  for (const Bytes& bad : {Bytes{0}, Bytes{1}, p_minus_1, params.p}) {
    EXPECT_EQ(a->shared_secret(bad).error().alert, AlertDescription::illegal_parameter);
  }
}

TEST(Ffdhe, ServerParameterChecks) {
  const DhParams good = DhParams::ffdhe(FfdheGroup::ffdhe2048);
  EXPECT_EQ(good.check(3072).error().alert, AlertDescription::insufficient_security);
  DhParams even = good;
  even.p.back() ^= 1;
  EXPECT_EQ(even.check().error().alert, AlertDescription::illegal_parameter);
  DhParams g1 = good;
  g1.g = {1};
  EXPECT_EQ(g1.check().error().alert, AlertDescription::illegal_parameter);
}

}  // namespace
}  // namespace gauntlet
