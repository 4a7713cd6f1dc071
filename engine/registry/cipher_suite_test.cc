#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include <openssl/ssl.h>

#include "engine/registry/cipher_suite.h"

namespace gauntlet {
namespace {

TEST(CipherSuite, NamesRoundTripAndAreUnique) {
  std::set<std::string> names;
  std::set<uint16_t> ids;
  for (const CipherSuiteInfo& s : all_cipher_suites()) {
    EXPECT_TRUE(ids.insert(static_cast<uint16_t>(s.suite)).second) << s.iana;
    EXPECT_TRUE(names.insert(std::string(s.iana)).second) << s.iana;
    EXPECT_EQ(cipher_suite_from_name(s.iana), s.suite);
    EXPECT_EQ(known_cipher_suite(static_cast<uint16_t>(s.suite)), s.suite);
    EXPECT_EQ(cipher_suite_info(s.suite), &s);
    if (!s.openssl.empty()) {
      EXPECT_EQ(cipher_suite_from_name(s.openssl), s.suite);
      EXPECT_EQ(openssl_name(s.suite), s.openssl);
    }
  }
  EXPECT_EQ(iana_name(static_cast<CipherSuite>(0x0a0a)), "unknown(0x0a0a)");
  EXPECT_EQ(cipher_suite_info(static_cast<CipherSuite>(0x0a0a)), nullptr);
}

// Every key exchange × bulk cipher × MAC combination IANA registered for the
// five key exchanges the engine speaks (the minimum set).
TEST(CipherSuite, CoversTheRequiredMatrix) {
  for (const char* name : {
           "TLS_RSA_WITH_NULL_MD5", "TLS_RSA_WITH_NULL_SHA", "TLS_RSA_WITH_NULL_SHA256",
           "TLS_RSA_WITH_RC4_128_MD5", "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
           "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA256",
           "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
           "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
           "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
           "TLS_ECDHE_RSA_WITH_NULL_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
           "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA",
           "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
           "TLS_CHACHA20_POLY1305_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
           "TLS_FALLBACK_SCSV"}) {
    EXPECT_TRUE(cipher_suite_from_name(name).has_value()) << name;
  }
}

TEST(CipherSuite, PropertiesFollowTheRfcs) {
  const auto* gcm = cipher_suite_info(CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256);
  ASSERT_NE(gcm, nullptr);
  EXPECT_EQ(static_cast<uint16_t>(gcm->suite), 0xc02f);
  EXPECT_EQ(gcm->key_exchange, KeyExchange::ecdhe_rsa);
  EXPECT_EQ(gcm->cipher, CipherAlgorithm::aes_128_gcm);
  EXPECT_EQ(gcm->mac, MacAlgorithm::none);
  EXPECT_EQ(gcm->prf_hash, HashAlgorithm::sha256);
  EXPECT_EQ(gcm->min_version, ProtocolVersion::tls12);

  const auto* sha384 = cipher_suite_info(CipherSuite::rsa_with_aes_256_gcm_sha384);
  EXPECT_EQ(sha384->prf_hash, HashAlgorithm::sha384);

  const auto* des = cipher_suite_info(CipherSuite::rsa_with_3des_ede_cbc_sha);
  EXPECT_EQ(static_cast<uint16_t>(des->suite), 0x000a);
  EXPECT_EQ(des->cipher, CipherAlgorithm::des_ede3_cbc);
  EXPECT_EQ(des->mac, MacAlgorithm::hmac_sha1);
  EXPECT_EQ(des->min_version, ProtocolVersion::ssl3);
  EXPECT_EQ(des->max_version, ProtocolVersion::tls12);

  const auto* cbc256 = cipher_suite_info(CipherSuite::ecdhe_ecdsa_with_aes_256_cbc_sha384);
  EXPECT_EQ(cbc256->mac, MacAlgorithm::hmac_sha384);
  EXPECT_EQ(cbc256->min_version, ProtocolVersion::tls12);

  const auto* chacha = cipher_suite_info(CipherSuite::chacha20_poly1305_sha256);
  EXPECT_EQ(chacha->key_exchange, KeyExchange::tls13);
  EXPECT_EQ(chacha->min_version, ProtocolVersion::tls13);
  EXPECT_FALSE(cipher_suite_info(CipherSuite::aes_128_ccm_8_sha256)->engine_supported);

  EXPECT_TRUE(is_signalling(CipherSuite::fallback_scsv));
  EXPECT_TRUE(is_signalling(CipherSuite::empty_renegotiation_info_scsv));
  EXPECT_FALSE(is_signalling(CipherSuite::rsa_with_aes_128_cbc_sha));
}

// Where the system's libssl knows a suite, its names must be ours.
TEST(CipherSuite, AgreesWithOpenSsl) {
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_method()), SSL_CTX_free);
  ASSERT_TRUE(ctx);
  ASSERT_EQ(SSL_CTX_set_cipher_list(ctx.get(), "ALL:COMPLEMENTOFALL:@SECLEVEL=0"), 1);
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.get()), SSL_free);
  ASSERT_TRUE(ssl);
  int known_to_openssl = 0;
  for (const CipherSuiteInfo& s : all_cipher_suites()) {
    const auto id = static_cast<uint16_t>(s.suite);
    const unsigned char bytes[2] = {static_cast<unsigned char>(id >> 8),
                                    static_cast<unsigned char>(id)};
    const SSL_CIPHER* c = SSL_CIPHER_find(ssl.get(), bytes);
    if (c == nullptr) continue;
    ++known_to_openssl;
    EXPECT_EQ(SSL_CIPHER_standard_name(c), s.iana);
    EXPECT_EQ(SSL_CIPHER_get_name(c), openssl_name(s.suite)) << s.iana;
  }
  EXPECT_GE(known_to_openssl, 40);
}

}  // namespace
}  // namespace gauntlet
