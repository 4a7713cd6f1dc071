#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>

#include <openssl/evp.h>
#include <openssl/objects.h>
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
  EXPECT_TRUE(cipher_suite_info(CipherSuite::aes_128_ccm_8_sha256)->engine_supported);

  EXPECT_TRUE(is_signalling(CipherSuite::fallback_scsv));
  EXPECT_TRUE(is_signalling(CipherSuite::empty_renegotiation_info_scsv));
  EXPECT_FALSE(is_signalling(CipherSuite::rsa_with_aes_128_cbc_sha));
}

using CtxPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using SslPtr = std::unique_ptr<SSL, decltype(&SSL_free)>;

TEST(CipherSuite, KeyExchangeNamesRoundTrip) {
  for (const CipherSuiteInfo& s : all_cipher_suites()) {
    EXPECT_EQ(key_exchange_from_name(iana_name(s.key_exchange)), s.key_exchange) << s.iana;
    EXPECT_EQ(key_exchange_from_name(openssl_name(s.key_exchange)), s.key_exchange) << s.iana;
  }
  EXPECT_EQ(iana_name(KeyExchange::ecdhe_rsa), "ECDHE_RSA");
  EXPECT_EQ(openssl_name(KeyExchange::dhe_dss), "kDHE+aDSS");
  EXPECT_EQ(iana_name(static_cast<KeyExchange>(77)), "unknown(0x4d)");
}

// The libssl NIDs of our key exchange (as kx, auth), bulk cipher and record MAC.
std::pair<int, int> kx_auth_nids(KeyExchange k) {
  switch (k) {
    case KeyExchange::rsa: return {NID_kx_rsa, NID_auth_rsa};
    case KeyExchange::dhe_rsa: return {NID_kx_dhe, NID_auth_rsa};
    case KeyExchange::dhe_dss: return {NID_kx_dhe, NID_auth_dss};
    case KeyExchange::ecdhe_rsa: return {NID_kx_ecdhe, NID_auth_rsa};
    case KeyExchange::ecdhe_ecdsa: return {NID_kx_ecdhe, NID_auth_ecdsa};
    case KeyExchange::tls13: return {NID_kx_any, NID_auth_any};
    case KeyExchange::null:
    case KeyExchange::scsv: break;
  }
  return {NID_undef, NID_undef};
}

int cipher_nid(CipherAlgorithm c) {
  switch (c) {
    case CipherAlgorithm::null: return NID_undef;
    case CipherAlgorithm::rc4_128: return NID_rc4;
    case CipherAlgorithm::des_ede3_cbc: return NID_des_ede3_cbc;
    case CipherAlgorithm::aes_128_cbc: return NID_aes_128_cbc;
    case CipherAlgorithm::aes_256_cbc: return NID_aes_256_cbc;
    case CipherAlgorithm::aes_128_gcm: return NID_aes_128_gcm;
    case CipherAlgorithm::aes_256_gcm: return NID_aes_256_gcm;
    case CipherAlgorithm::chacha20_poly1305: return NID_chacha20_poly1305;
    case CipherAlgorithm::aes_128_ccm:
    case CipherAlgorithm::aes_128_ccm_8: return NID_aes_128_ccm;
  }
  return NID_undef;
}

int mac_nid(MacAlgorithm m) {
  switch (m) {
    case MacAlgorithm::none: return NID_undef;
    case MacAlgorithm::hmac_md5: return NID_md5;
    case MacAlgorithm::hmac_sha1: return NID_sha1;
    case MacAlgorithm::hmac_sha256: return NID_sha256;
    case MacAlgorithm::hmac_sha384: return NID_sha384;
  }
  return NID_undef;
}

int hash_nid(HashAlgorithm h) {
  switch (h) {
    case HashAlgorithm::md5: return NID_md5;
    case HashAlgorithm::sha1: return NID_sha1;
    case HashAlgorithm::sha224: return NID_sha224;
    case HashAlgorithm::sha256: return NID_sha256;
    case HashAlgorithm::sha384: return NID_sha384;
    case HashAlgorithm::sha512: return NID_sha512;
  }
  return NID_undef;
}

// Where the system's libssl knows a suite, its names and algorithms must be ours.
TEST(CipherSuite, AgreesWithOpenSsl) {
  CtxPtr ctx(SSL_CTX_new(TLS_method()), SSL_CTX_free);
  ASSERT_TRUE(ctx);
  ASSERT_EQ(SSL_CTX_set_cipher_list(ctx.get(), "ALL:COMPLEMENTOFALL:@SECLEVEL=0"), 1);
  SslPtr ssl(SSL_new(ctx.get()), SSL_free);
  ASSERT_TRUE(ssl);
  int known_to_openssl = 0;
  for (const CipherSuiteInfo& s : all_cipher_suites()) {
    const auto id = static_cast<uint16_t>(s.suite);
    const unsigned char bytes[2] = {static_cast<unsigned char>(id >> 8),
                                    static_cast<unsigned char>(id)};
    const SSL_CIPHER* c = SSL_CIPHER_find(ssl.get(), bytes);
    if (c == nullptr) continue;
    ++known_to_openssl;
    EXPECT_EQ(SSL_CIPHER_get_protocol_id(c), id) << s.iana;
    EXPECT_EQ(SSL_CIPHER_standard_name(c), s.iana);
    EXPECT_EQ(SSL_CIPHER_get_name(c), s.openssl) << s.iana;
    if (is_signalling(s.suite)) continue;

    const auto [kx, auth] = kx_auth_nids(s.key_exchange);
    EXPECT_EQ(SSL_CIPHER_get_kx_nid(c), kx) << s.iana;
    EXPECT_EQ(SSL_CIPHER_get_auth_nid(c), auth) << s.iana;
    EXPECT_EQ(SSL_CIPHER_get_digest_nid(c), mac_nid(s.mac)) << s.iana;
    EXPECT_EQ(SSL_CIPHER_is_aead(c) == 1, s.mac == MacAlgorithm::none) << s.iana;
    EXPECT_EQ(SSL_CIPHER_get_cipher_nid(c), cipher_nid(s.cipher)) << s.iana;
    // OpenSSL records the MD5+SHA-1 PRF of TLS 1.0/1.1 for suites that TLS 1.2
    // runs with SHA-256, so it names only the SHA-384 ones as we do.
    const int openssl_prf = EVP_MD_get_type(SSL_CIPHER_get_handshake_digest(c));
    EXPECT_EQ(openssl_prf == NID_sha384, s.prf_hash == HashAlgorithm::sha384) << s.iana;
    if (s.key_exchange == KeyExchange::tls13) {
      EXPECT_EQ(openssl_prf, hash_nid(s.prf_hash)) << s.iana;
    }
    // OpenSSL's minimum is TLS 1.0 for ECDHE where we allow SSL 3.0, but it
    // agrees on which suites need TLS 1.2 and TLS 1.3.
    const std::string openssl_min = SSL_CIPHER_get_version(c);
    EXPECT_EQ(openssl_min == "TLSv1.2", s.min_version == ProtocolVersion::tls12) << s.iana;
    EXPECT_EQ(openssl_min == "TLSv1.3", s.min_version == ProtocolVersion::tls13) << s.iana;
  }
  EXPECT_GE(known_to_openssl, 40);
}

// Builds with no-weak-ssl-ciphers (Debian's among them) leave RC4 and 3DES out
// of libssl, but its headers still carry their names.
TEST(CipherSuite, WeakSuitesMatchOpenSslHeaders) {
  struct Row {
    CipherSuite suite;
    const char* openssl;
    const char* rfc;
  };
  for (const Row& r : {
           Row{CipherSuite::rsa_with_rc4_128_md5, SSL3_TXT_RSA_RC4_128_MD5,
               SSL3_RFC_RSA_RC4_128_MD5},
           Row{CipherSuite::rsa_with_rc4_128_sha, SSL3_TXT_RSA_RC4_128_SHA,
               SSL3_RFC_RSA_RC4_128_SHA},
           Row{CipherSuite::rsa_with_3des_ede_cbc_sha, SSL3_TXT_RSA_DES_192_CBC3_SHA,
               SSL3_RFC_RSA_DES_192_CBC3_SHA},
           Row{CipherSuite::dhe_dss_with_3des_ede_cbc_sha, SSL3_TXT_DHE_DSS_DES_192_CBC3_SHA,
               SSL3_RFC_DHE_DSS_DES_192_CBC3_SHA},
           Row{CipherSuite::dhe_rsa_with_3des_ede_cbc_sha, SSL3_TXT_DHE_RSA_DES_192_CBC3_SHA,
               SSL3_RFC_DHE_RSA_DES_192_CBC3_SHA},
           Row{CipherSuite::ecdhe_ecdsa_with_rc4_128_sha, TLS1_TXT_ECDHE_ECDSA_WITH_RC4_128_SHA,
               TLS1_RFC_ECDHE_ECDSA_WITH_RC4_128_SHA},
           Row{CipherSuite::ecdhe_ecdsa_with_3des_ede_cbc_sha,
               TLS1_TXT_ECDHE_ECDSA_WITH_DES_192_CBC3_SHA,
               TLS1_RFC_ECDHE_ECDSA_WITH_DES_192_CBC3_SHA},
           Row{CipherSuite::ecdhe_rsa_with_rc4_128_sha, TLS1_TXT_ECDHE_RSA_WITH_RC4_128_SHA,
               TLS1_RFC_ECDHE_RSA_WITH_RC4_128_SHA},
           Row{CipherSuite::ecdhe_rsa_with_3des_ede_cbc_sha,
               TLS1_TXT_ECDHE_RSA_WITH_DES_192_CBC3_SHA,
               TLS1_RFC_ECDHE_RSA_WITH_DES_192_CBC3_SHA},
       }) {
    EXPECT_EQ(openssl_name(r.suite), r.openssl);
    EXPECT_EQ(iana_name(r.suite), r.rfc);
  }
  EXPECT_EQ(static_cast<uint16_t>(CipherSuite::dhe_dss_with_3des_ede_cbc_sha),
            SSL3_CK_DHE_DSS_DES_192_CBC3_SHA & 0xffff);
}

// Our OpenSSL key-exchange names select exactly that key exchange's suites.
TEST(CipherSuite, KeyExchangeSelectorsAgreeWithOpenSsl) {
  for (KeyExchange k : {KeyExchange::rsa, KeyExchange::dhe_rsa, KeyExchange::dhe_dss,
                        KeyExchange::ecdhe_rsa, KeyExchange::ecdhe_ecdsa}) {
    CtxPtr ctx(SSL_CTX_new(TLS_method()), SSL_CTX_free);
    ASSERT_TRUE(ctx);
    const std::string selector = openssl_name(k) + ":@SECLEVEL=0";
    ASSERT_EQ(SSL_CTX_set_cipher_list(ctx.get(), selector.c_str()), 1) << selector;
    int matched = 0;
    STACK_OF(SSL_CIPHER)* list = SSL_CTX_get_ciphers(ctx.get());
    for (int i = 0; i < sk_SSL_CIPHER_num(list); ++i) {
      const SSL_CIPHER* c = sk_SSL_CIPHER_value(list, i);
      const auto* info = cipher_suite_info(static_cast<CipherSuite>(SSL_CIPHER_get_protocol_id(c)));
      if (info == nullptr || info->key_exchange == KeyExchange::tls13) continue;
      EXPECT_EQ(info->key_exchange, k) << info->iana;
      ++matched;
    }
    EXPECT_GT(matched, 0) << selector;
  }
}

}  // namespace
}  // namespace gauntlet
