// Finite-field DH: the RFC 7919 primes, agreement with OpenSSL, and the
// checks on server parameters and peer values.
#include "engine/crypto/dh.h"

#include <algorithm>

#include <gtest/gtest.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

// RFC 7919 Appendix A.1, as printed there.
const Bytes kFfdhe2048P =
    hex("FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1"
        "D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9"
        "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD6561"
        "2433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
        "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE735"
        "30ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB"
        "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB19"
        "0B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
        "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD73"
        "3BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA"
        "886B423861285C97FFFFFFFFFFFFFFFF");

Bytes to_bytes(const BIGNUM* n) {
  Bytes out(static_cast<size_t>(BN_num_bytes(n)));
  BN_bn2bin(n, out.data());
  return out;
}

// Server-chosen parameters from outside RFC 7919: the RFC 2409 Oakley
// groups, as OpenSSL carries them.
DhParams oakley(BIGNUM* (*prime)(BIGNUM*)) {
  BignumPtr p(prime(nullptr));
  return DhParams{to_bytes(p.get()), Bytes{2}};
}

TEST(Ffdhe, OpenSslsPrimesAreTheRfc7919Ones) {
  const DhParams p2048 = DhParams::ffdhe(FfdheGroup::ffdhe2048);
  EXPECT_EQ(p2048.p, kFfdhe2048P);
  EXPECT_EQ(p2048.g, Bytes{2});
  EXPECT_TRUE(p2048.check().ok());
  // Every group's p is 2^b - 2^(b-64) + {[2^(b-130) e] + X} * 2^64 - 1
  // (RFC 7919 Appendix A): the same digits of e after 64 one bits, and 64
  // one bits at the end.
  const ByteView digits_of_e = ByteView(kFfdhe2048P).first(kFfdhe2048P.size() - 12);
  const struct {
    FfdheGroup group;
    size_t bits;
  } groups[] = {{FfdheGroup::ffdhe2048, 2048},
                {FfdheGroup::ffdhe3072, 3072},
                {FfdheGroup::ffdhe4096, 4096},
                {FfdheGroup::ffdhe6144, 6144},
                {FfdheGroup::ffdhe8192, 8192}};
  for (const auto& g : groups) {
    const DhParams params = DhParams::ffdhe(g.group);
    EXPECT_EQ(params.bits(), g.bits);
    ASSERT_EQ(params.p.size(), g.bits / 8);
    EXPECT_TRUE(std::equal(digits_of_e.begin(), digits_of_e.end(), params.p.begin()));
    EXPECT_EQ(Bytes(params.p.end() - 8, params.p.end()), Bytes(8, 0xff));
    EXPECT_EQ(params.g, Bytes{2});
  }
}

TEST(Ffdhe, AgreementAndRangeChecks) {
  const DhParams params = DhParams::ffdhe(FfdheGroup::ffdhe2048);
  DeterministicRandom ra(1), rb(2);
  auto a = DhKey::generate(params, ra);
  auto b = DhKey::generate(params, rb);
  ASSERT_TRUE(a.ok() && b.ok());
  auto ab = a->shared_secret(b->public_value());
  ASSERT_TRUE(ab.ok()) << ab.error().to_string();
  EXPECT_EQ(*ab, *b->shared_secret(a->public_value()));
  EXPECT_NE(ab->front(), 0) << "leading zeros are stripped";
  Bytes p_minus_1 = params.p;
  p_minus_1.back() -= 1;
  for (const Bytes& bad : {Bytes{}, Bytes{0}, Bytes{1}, Bytes{0, 0, 1}, p_minus_1, params.p,
                           Bytes(params.p.size() + 1, 0xff)}) {
    EXPECT_EQ(a->shared_secret(bad).error().alert, AlertDescription::illegal_parameter);
  }
  EXPECT_TRUE(a->shared_secret(Bytes{2}).ok()) << "2 is in range";
}

struct GroupCase {
  FfdheGroup group;
  const char* name;
};

class FfdheGroups : public testing::TestWithParam<GroupCase> {};

// Both forms of the secret against EVP_PKEY_derive, which pads to the size
// of p as TLS 1.3 does (RFC 8446 §7.4.1).
TEST_P(FfdheGroups, AgreesWithOpenSslInBothForms) {
  char* name = const_cast<char*>(GetParam().name);
  const DhParams params = DhParams::ffdhe(GetParam().group);
  DeterministicRandom random(5);
  auto ours = DhKey::generate(params, random);
  ASSERT_TRUE(ours.ok());

  EvpPkeyCtxPtr keygen(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
  ASSERT_EQ(EVP_PKEY_keygen_init(keygen.get()), 1);
  const OSSL_PARAM group[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, name, 0),
                              OSSL_PARAM_construct_end()};
  ASSERT_EQ(EVP_PKEY_CTX_set_params(keygen.get(), group), 1);
  EVP_PKEY* raw_theirs = nullptr;
  ASSERT_EQ(EVP_PKEY_keygen(keygen.get(), &raw_theirs), 1);
  const EvpPkeyPtr theirs(raw_theirs);
  BIGNUM* raw_pub = nullptr;
  ASSERT_EQ(EVP_PKEY_get_bn_param(theirs.get(), OSSL_PKEY_PARAM_PUB_KEY, &raw_pub), 1);
  const BignumPtr their_pub(raw_pub);
  Bytes their_share(params.p.size());
  ASSERT_EQ(BN_bn2binpad(their_pub.get(), their_share.data(), static_cast<int>(their_share.size())),
            static_cast<int>(their_share.size()));
  auto secret = ours->shared_secret(to_bytes(their_pub.get()));
  ASSERT_TRUE(secret.ok()) << secret.error().to_string();
  auto padded = ours->padded_shared_secret(their_share);
  ASSERT_TRUE(padded.ok()) << padded.error().to_string();
  EXPECT_EQ(ours->padded_public_value().size(), params.p.size());

  const BignumPtr our_pub(BN_bin2bn(ours->public_value().data(),
                                    static_cast<int>(ours->public_value().size()), nullptr));
  OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
  ASSERT_EQ(OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, name, 0), 1);
  ASSERT_EQ(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, our_pub.get()), 1);
  const OsslParamPtr peer_params(OSSL_PARAM_BLD_to_param(bld.get()));
  EvpPkeyCtxPtr import(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
  EVP_PKEY* raw_peer = nullptr;
  ASSERT_EQ(EVP_PKEY_fromdata_init(import.get()), 1);
  ASSERT_EQ(EVP_PKEY_fromdata(import.get(), &raw_peer, EVP_PKEY_PUBLIC_KEY, peer_params.get()), 1);
  const EvpPkeyPtr peer(raw_peer);
  EvpPkeyCtxPtr derive(EVP_PKEY_CTX_new(theirs.get(), nullptr));
  ASSERT_EQ(EVP_PKEY_derive_init(derive.get()), 1);
  ASSERT_EQ(EVP_PKEY_derive_set_peer(derive.get(), peer.get()), 1);
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_derive(derive.get(), nullptr, &len), 1);
  Bytes expected(len);
  ASSERT_EQ(EVP_PKEY_derive(derive.get(), expected.data(), &len), 1);
  expected.resize(len);
  EXPECT_EQ(expected.size(), params.p.size());
  EXPECT_EQ(*padded, expected);
  // RFC 5246 §8.1.2 strips leading zeros.
  while (!expected.empty() && expected.front() == 0) expected.erase(expected.begin());
  EXPECT_EQ(*secret, expected);
}

INSTANTIATE_TEST_SUITE_P(Rfc7919, FfdheGroups,
                         testing::Values(GroupCase{FfdheGroup::ffdhe2048, "ffdhe2048"},
                                         GroupCase{FfdheGroup::ffdhe3072, "ffdhe3072"},
                                         GroupCase{FfdheGroup::ffdhe4096, "ffdhe4096"},
                                         GroupCase{FfdheGroup::ffdhe6144, "ffdhe6144"},
                                         GroupCase{FfdheGroup::ffdhe8192, "ffdhe8192"}),
                         [](const auto& info) { return std::string(info.param.name); });

// A short public value padded to p's size, and a TLS 1.3 share of any other
// size refused: the size is part of the encoding (RFC 8446 §4.2.8.1).
TEST(Ffdhe, Tls13SharesArePaddedToTheSizeOfP) {
  const DhParams params = DhParams::ffdhe(FfdheGroup::ffdhe2048);
  DeterministicRandom random(5);
  auto key = DhKey::generate(params, random);
  ASSERT_TRUE(key.ok());
  Bytes two(params.p.size(), 0);
  two.back() = 2;
  auto secret = key->padded_shared_secret(two);
  ASSERT_TRUE(secret.ok()) << secret.error().to_string();
  EXPECT_EQ(secret->size(), params.p.size());
  EXPECT_EQ(Bytes(secret->end() - static_cast<ptrdiff_t>(key->shared_secret(Bytes{2})->size()),
                  secret->end()),
            *key->shared_secret(Bytes{2}));
  for (const Bytes& bad :
       {Bytes{2}, Bytes(params.p.size() + 1, 1), Bytes(params.p.size(), 0), params.p}) {
    EXPECT_EQ(key->padded_shared_secret(bad).error().alert, AlertDescription::illegal_parameter);
  }
}

TEST(Ffdhe, DeterministicFromTheSeed) {
  const DhParams params = DhParams::ffdhe(FfdheGroup::ffdhe3072);
  DeterministicRandom r1(9), r2(9), r3(10);
  const Bytes a = DhKey::generate(params, r1)->public_value();
  EXPECT_EQ(a, DhKey::generate(params, r2)->public_value());
  EXPECT_NE(a, DhKey::generate(params, r3)->public_value());
}

TEST(ServerDhParams, ArbitraryPrimeAgreement) {
  const DhParams params = oakley(BN_get_rfc2409_prime_1024);
  EXPECT_EQ(params.bits(), 1024u);
  EXPECT_TRUE(params.check().ok());
  EXPECT_EQ(params.check(2048).error().alert, AlertDescription::insufficient_security);
  DeterministicRandom ra(1), rb(2);
  auto a = DhKey::generate(params, ra);
  auto b = DhKey::generate(params, rb);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a->shared_secret(b->public_value()), *b->shared_secret(a->public_value()));
}

TEST(ServerDhParams, SanityChecks) {
  const DhParams good = oakley(BN_get_rfc2409_prime_1024);
  EXPECT_EQ(oakley(BN_get_rfc2409_prime_768).check().error().alert,
            AlertDescription::insufficient_security)
      << "768 bits is under the 1024 default";
  EXPECT_TRUE(oakley(BN_get_rfc2409_prime_768).check(512).ok());
  DhParams even = good;
  even.p.back() ^= 1;
  Bytes p_minus_1 = good.p;
  p_minus_1.back() -= 1;
  DhParams empty;
  EXPECT_EQ(empty.check().error().alert, AlertDescription::illegal_parameter);
  EXPECT_EQ(even.check().error().alert, AlertDescription::illegal_parameter);
  for (const Bytes& g : {Bytes{}, Bytes{0}, Bytes{1}, p_minus_1, good.p}) {
    DhParams bad = good;
    bad.g = g;
    EXPECT_EQ(bad.check().error().alert, AlertDescription::illegal_parameter);
    DeterministicRandom random(1);
    EXPECT_EQ(DhKey::generate(bad, random).error().alert, AlertDescription::illegal_parameter);
  }
  DeterministicRandom random(1);
  EXPECT_EQ(DhKey::generate(empty, random).error().alert, AlertDescription::illegal_parameter);
  EXPECT_EQ(DhKey::generate(even, random).error().alert, AlertDescription::illegal_parameter);
}

}  // namespace
}  // namespace gauntlet
