// HKDF against RFC 5869's SHA-256 test cases and against OpenSSL's own HKDF
// (EVP_KDF "HKDF", used here only as the reference).
#include "engine/crypto/hkdf.h"

#include <gtest/gtest.h>

#include <openssl/core_names.h>
#include <openssl/kdf.h>

#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

Bytes openssl_hkdf(HashAlgorithm h, ByteView salt, ByteView ikm, ByteView info, size_t length) {
  EvpKdfPtr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
  std::string digest(hash_name(h));
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
                         OSSL_PARAM_construct_octet_string(
                             OSSL_KDF_PARAM_KEY, const_cast<uint8_t*>(ikm.data()), ikm.size()),
                         OSSL_PARAM_construct_octet_string(
                             OSSL_KDF_PARAM_SALT, const_cast<uint8_t*>(salt.data()), salt.size()),
                         OSSL_PARAM_construct_octet_string(
                             OSSL_KDF_PARAM_INFO, const_cast<uint8_t*>(info.data()), info.size()),
                         OSSL_PARAM_construct_end()};
  Bytes out(length);
  EXPECT_EQ(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params), 1);
  return out;
}

// RFC 5869 A.1, Basic test case with SHA-256.
TEST(Hkdf, Rfc5869BasicCase) {
  const Bytes ikm(22, 0x0b);
  const Bytes salt = hex("000102030405060708090a0b0c");
  const Bytes info = hex("f0f1f2f3f4f5f6f7f8f9");
  const Bytes prk = hkdf_extract(HashAlgorithm::sha256, salt, ikm);
  EXPECT_EQ(prk, hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
  EXPECT_EQ(hkdf_expand(HashAlgorithm::sha256, prk, info, 42),
            hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                "34007208d5b887185865"));
}

// RFC 5869 A.3: no salt and no info; the salt defaults to HashLen zeros.
TEST(Hkdf, Rfc5869EmptySaltAndInfo) {
  const Bytes ikm(22, 0x0b);
  const Bytes prk = hkdf_extract(HashAlgorithm::sha256, {}, ikm);
  EXPECT_EQ(prk, hex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04"));
  EXPECT_EQ(hkdf_expand(HashAlgorithm::sha256, prk, {}, 42),
            hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                "9d201395faa4b61a96c8"));
}

TEST(Hkdf, MatchesOpenSslForEveryHashAndLength) {
  const Bytes salt = hex("5a17");
  const Bytes ikm(48, 0x42);
  const Bytes info = text_bytes("gauntlet hkdf");
  for (const HashAlgorithm h :
       {HashAlgorithm::sha1, HashAlgorithm::sha256, HashAlgorithm::sha384, HashAlgorithm::sha512}) {
    // One byte, exactly one block, a block and one, many blocks.
    for (const size_t length : {size_t{1}, digest_size(h), digest_size(h) + 1, size_t{255}}) {
      const Bytes prk = hkdf_extract(h, salt, ikm);
      EXPECT_EQ(hkdf_expand(h, prk, info, length), openssl_hkdf(h, salt, ikm, info, length))
          << hash_name(h) << " length " << length;
    }
  }
}

}  // namespace
}  // namespace gauntlet
