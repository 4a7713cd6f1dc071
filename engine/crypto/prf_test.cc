#include "engine/crypto/prf.h"

#include <array>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/kdf.h>

#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

// The TLS 1.2 PRF vectors published on the IETF TLS list (msg03416).
TEST(Prf, Tls12Sha256Vector) {
  Bytes out =
      prf_tls12(HashAlgorithm::sha256, hex("9b be 43 6b a9 40 f0 17 b1 76 52 84 9a 71 db 35"),
                "test label", hex("a0 ba 9f 93 6c da 31 18 27 a6 f7 96 ff d5 19 8c"), 100);
  EXPECT_EQ(out, hex("e3 f2 29 ba 72 7b e1 7b 8d 12 26 20 55 7c d4 53"
                     "c2 aa b2 1d 07 c3 d4 95 32 9b 52 d4 e6 1e db 5a"
                     "6b 30 17 91 e9 0d 35 c9 c9 a4 6b 4e 14 ba f9 af"
                     "0f a0 22 f7 07 7d ef 17 ab fd 37 97 c0 56 4b ab"
                     "4f bc 91 66 6e 9d ef 9b 97 fc e3 4f 79 67 89 ba"
                     "a4 80 82 d1 22 ee 42 c5 a7 2e 5a 51 10 ff f7 01"
                     "87 34 7b 66"));
}

TEST(Prf, Tls12Sha384Vector) {
  Bytes out =
      prf_tls12(HashAlgorithm::sha384, hex("b8 0b 73 3d 6c ee fc dc 71 56 6e a4 8e 55 67 df"),
                "test label", hex("cd 66 5c f6 a8 44 7d d6 ff 8b 27 55 5e db 74 65"), 148);
  EXPECT_EQ(out, hex("7b 0c 18 e9 ce d4 10 ed 18 04 f2 cf a3 4a 33 6a"
                     "1c 14 df fb 49 00 bb 5f d7 94 21 07 e8 1c 83 cd"
                     "e9 ca 0f aa 60 be 9f e3 4f 82 b1 23 3c 91 46 a0"
                     "e5 34 cb 40 0f ed 27 00 88 4f 9d c2 36 f8 0e dd"
                     "8b fa 96 11 44 c9 e8 d7 92 ec a7 22 a7 b3 2f c3"
                     "d4 16 d4 73 eb c2 c5 fd 4a bf da d0 5d 91 84 25"
                     "9b 5b f8 cd 4d 90 fa 0d 31 e2 de c4 79 e4 f1 a2"
                     "60 66 f2 ee a9 a6 92 36 a3 e5 26 55 c9 e9 ae e6"
                     "91 c8 f3 a2 68 54 30 8d 5e aa 3b e8 5e 09 90 70"
                     "3d 73 e5 6f"));
}

// OpenSSL's own TLS1-PRF KDF, as the reference. "MD5-SHA1" selects the
// TLS 1.0/1.1 split-secret construction.
Bytes openssl_prf(const char* digest, ByteView secret, std::string_view label, ByteView seed,
                  size_t length) {
  EvpKdfPtr kdf(EVP_KDF_fetch(nullptr, "TLS1-PRF", nullptr));
  EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
  std::string md(digest);
  Bytes secret_copy(secret.begin(), secret.end());
  Bytes full_seed(label.begin(), label.end());
  full_seed.insert(full_seed.end(), seed.begin(), seed.end());
  std::array<OSSL_PARAM, 4> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, md.data(), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, secret_copy.data(),
                                        secret_copy.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, full_seed.data(), full_seed.size()),
      OSSL_PARAM_construct_end(),
  };
  Bytes out(length);
  EXPECT_EQ(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()), 1)
      << openssl_error_string();
  return out;
}

struct RandomInput {
  Bytes secret;
  Bytes seed;
  size_t length;
};

// Deterministic inputs: odd and even secret lengths, and output lengths that
// are 1, not a multiple of any digest size, or several blocks long. Length 0
// is checked separately since the KDF refuses it.
std::vector<RandomInput> inputs() {
  std::mt19937 rng(20240229);
  auto random_bytes = [&rng](size_t n) {
    Bytes b(n);
    for (uint8_t& x : b) x = static_cast<uint8_t>(rng());
    return b;
  };
  std::vector<RandomInput> out;
  for (size_t i = 0; i < 50; ++i) {
    size_t secret_len = 1 + rng() % 80;
    size_t seed_len = rng() % 70;
    size_t length = i == 0 ? 1 : 1 + rng() % 200;
    out.push_back({random_bytes(secret_len), random_bytes(seed_len), length});
  }
  return out;
}

TEST(Prf, Tls10MatchesOpenSsl) {
  for (const RandomInput& in : inputs()) {
    SCOPED_TRACE("secret " + std::to_string(in.secret.size()) + " length " +
                 std::to_string(in.length));
    EXPECT_EQ(prf_tls10(in.secret, "key expansion", in.seed, in.length),
              openssl_prf("MD5-SHA1", in.secret, "key expansion", in.seed, in.length));
  }
}

TEST(Prf, Tls12MatchesOpenSsl) {
  for (const RandomInput& in : inputs()) {
    SCOPED_TRACE("secret " + std::to_string(in.secret.size()) + " length " +
                 std::to_string(in.length));
    EXPECT_EQ(prf_tls12(HashAlgorithm::sha256, in.secret, "master secret", in.seed, in.length),
              openssl_prf("SHA256", in.secret, "master secret", in.seed, in.length));
    EXPECT_EQ(prf_tls12(HashAlgorithm::sha384, in.secret, "master secret", in.seed, in.length),
              openssl_prf("SHA384", in.secret, "master secret", in.seed, in.length));
  }
}

TEST(Prf, ZeroLengthIsEmpty) {
  Bytes secret = hex("0102030405");
  EXPECT_TRUE(prf_tls10(secret, "label", secret, 0).empty());
  EXPECT_TRUE(prf_tls12(HashAlgorithm::sha256, secret, "label", secret, 0).empty());
  EXPECT_TRUE(p_hash(HashAlgorithm::sha1, secret, secret, 0).empty());
}

TEST(Prf, OddSecretHalvesShareTheMiddleByte) {
  // RFC 2246 §5: with a 3-byte secret, S1 = bytes 0..1 and S2 = bytes 1..2.
  Bytes secret = hex("aabbcc");
  Bytes seed = text_bytes("labelseed");
  Bytes expected = p_hash(HashAlgorithm::md5, hex("aabb"), seed, 20);
  Bytes sha1 = p_hash(HashAlgorithm::sha1, hex("bbcc"), seed, 20);
  for (size_t i = 0; i < expected.size(); ++i) expected[i] ^= sha1[i];
  EXPECT_EQ(prf_tls10(secret, "label", text_bytes("seed"), 20), expected);
}

TEST(Prf, PrefixStable) {
  Bytes secret = hex("00112233445566778899");
  Bytes long_out = prf_tls12(HashAlgorithm::sha256, secret, "l", secret, 100);
  Bytes short_out = prf_tls12(HashAlgorithm::sha256, secret, "l", secret, 33);
  EXPECT_TRUE(std::equal(short_out.begin(), short_out.end(), long_out.begin()));
}

}  // namespace
}  // namespace gauntlet
