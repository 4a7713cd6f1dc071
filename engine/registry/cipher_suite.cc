#include "engine/registry/cipher_suite.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using V = ProtocolVersion;
constexpr std::array<CipherSuiteInfo, 55> kSuites{{
    // clang-format off
    {CipherSuite::null_with_null_null, "TLS_NULL_WITH_NULL_NULL", "", KeyExchange::null, CipherAlgorithm::null, MacAlgorithm::none, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_null_md5, "TLS_RSA_WITH_NULL_MD5", "NULL-MD5", KeyExchange::rsa, CipherAlgorithm::null, MacAlgorithm::hmac_md5, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_null_sha, "TLS_RSA_WITH_NULL_SHA", "NULL-SHA", KeyExchange::rsa, CipherAlgorithm::null, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_rc4_128_md5, "TLS_RSA_WITH_RC4_128_MD5", "RC4-MD5", KeyExchange::rsa, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_md5, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_rc4_128_sha, "TLS_RSA_WITH_RC4_128_SHA", "RC4-SHA", KeyExchange::rsa, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_3des_ede_cbc_sha, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA", KeyExchange::rsa, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::dhe_dss_with_3des_ede_cbc_sha, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "DHE-DSS-DES-CBC3-SHA", KeyExchange::dhe_dss, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::dhe_rsa_with_3des_ede_cbc_sha, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", "DHE-RSA-DES-CBC3-SHA", KeyExchange::dhe_rsa, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_aes_128_cbc_sha, "TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA", KeyExchange::rsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::dhe_dss_with_aes_128_cbc_sha, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "DHE-DSS-AES128-SHA", KeyExchange::dhe_dss, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::dhe_rsa_with_aes_128_cbc_sha, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "DHE-RSA-AES128-SHA", KeyExchange::dhe_rsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_aes_256_cbc_sha, "TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA", KeyExchange::rsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::dhe_dss_with_aes_256_cbc_sha, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "DHE-DSS-AES256-SHA", KeyExchange::dhe_dss, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::dhe_rsa_with_aes_256_cbc_sha, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "DHE-RSA-AES256-SHA", KeyExchange::dhe_rsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::rsa_with_null_sha256, "TLS_RSA_WITH_NULL_SHA256", "NULL-SHA256", KeyExchange::rsa, CipherAlgorithm::null, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::rsa_with_aes_128_cbc_sha256, "TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256", KeyExchange::rsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::rsa_with_aes_256_cbc_sha256, "TLS_RSA_WITH_AES_256_CBC_SHA256", "AES256-SHA256", KeyExchange::rsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_dss_with_aes_128_cbc_sha256, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "DHE-DSS-AES128-SHA256", KeyExchange::dhe_dss, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_rsa_with_aes_128_cbc_sha256, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "DHE-RSA-AES128-SHA256", KeyExchange::dhe_rsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_dss_with_aes_256_cbc_sha256, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "DHE-DSS-AES256-SHA256", KeyExchange::dhe_dss, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_rsa_with_aes_256_cbc_sha256, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", "DHE-RSA-AES256-SHA256", KeyExchange::dhe_rsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::rsa_with_aes_128_gcm_sha256, "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", KeyExchange::rsa, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::rsa_with_aes_256_gcm_sha384, "TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384", KeyExchange::rsa, CipherAlgorithm::aes_256_gcm, MacAlgorithm::none, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::dhe_rsa_with_aes_128_gcm_sha256, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DHE-RSA-AES128-GCM-SHA256", KeyExchange::dhe_rsa, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_rsa_with_aes_256_gcm_sha384, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "DHE-RSA-AES256-GCM-SHA384", KeyExchange::dhe_rsa, CipherAlgorithm::aes_256_gcm, MacAlgorithm::none, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::dhe_dss_with_aes_128_gcm_sha256, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "DHE-DSS-AES128-GCM-SHA256", KeyExchange::dhe_dss, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_dss_with_aes_256_gcm_sha384, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "DHE-DSS-AES256-GCM-SHA384", KeyExchange::dhe_dss, CipherAlgorithm::aes_256_gcm, MacAlgorithm::none, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::empty_renegotiation_info_scsv, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", KeyExchange::scsv, CipherAlgorithm::null, MacAlgorithm::none, HashAlgorithm::sha256, V::ssl3, V::tls13, true},
    {CipherSuite::aes_128_gcm_sha256, "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", KeyExchange::tls13, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls13, V::tls13, true},
    {CipherSuite::aes_256_gcm_sha384, "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384", KeyExchange::tls13, CipherAlgorithm::aes_256_gcm, MacAlgorithm::none, HashAlgorithm::sha384, V::tls13, V::tls13, true},
    {CipherSuite::chacha20_poly1305_sha256, "TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256", KeyExchange::tls13, CipherAlgorithm::chacha20_poly1305, MacAlgorithm::none, HashAlgorithm::sha256, V::tls13, V::tls13, true},
    {CipherSuite::aes_128_ccm_sha256, "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_SHA256", KeyExchange::tls13, CipherAlgorithm::aes_128_ccm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls13, V::tls13, true},
    {CipherSuite::aes_128_ccm_8_sha256, "TLS_AES_128_CCM_8_SHA256", "TLS_AES_128_CCM_8_SHA256", KeyExchange::tls13, CipherAlgorithm::aes_128_ccm_8, MacAlgorithm::none, HashAlgorithm::sha256, V::tls13, V::tls13, true},
    {CipherSuite::fallback_scsv, "TLS_FALLBACK_SCSV", "TLS_FALLBACK_SCSV", KeyExchange::scsv, CipherAlgorithm::null, MacAlgorithm::none, HashAlgorithm::sha256, V::ssl3, V::tls13, true},
    {CipherSuite::ecdhe_ecdsa_with_null_sha, "TLS_ECDHE_ECDSA_WITH_NULL_SHA", "ECDHE-ECDSA-NULL-SHA", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::null, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_rc4_128_sha, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "ECDHE-ECDSA-RC4-SHA", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_3des_ede_cbc_sha, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", "ECDHE-ECDSA-DES-CBC3-SHA", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_aes_128_cbc_sha, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_aes_256_cbc_sha, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_null_sha, "TLS_ECDHE_RSA_WITH_NULL_SHA", "ECDHE-RSA-NULL-SHA", KeyExchange::ecdhe_rsa, CipherAlgorithm::null, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_rc4_128_sha, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "ECDHE-RSA-RC4-SHA", KeyExchange::ecdhe_rsa, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_3des_ede_cbc_sha, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "ECDHE-RSA-DES-CBC3-SHA", KeyExchange::ecdhe_rsa, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA", KeyExchange::ecdhe_rsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_aes_256_cbc_sha, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA", KeyExchange::ecdhe_rsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha1, HashAlgorithm::sha256, V::ssl3, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_aes_128_cbc_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "ECDHE-ECDSA-AES128-SHA256", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_aes_256_cbc_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "ECDHE-ECDSA-AES256-SHA384", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha384, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha256, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "ECDHE-RSA-AES128-SHA256", KeyExchange::ecdhe_rsa, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha256, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_aes_256_cbc_sha384, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "ECDHE-RSA-AES256-SHA384", KeyExchange::ecdhe_rsa, CipherAlgorithm::aes_256_cbc, MacAlgorithm::hmac_sha384, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::aes_256_gcm, MacAlgorithm::none, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", KeyExchange::ecdhe_rsa, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384", KeyExchange::ecdhe_rsa, CipherAlgorithm::aes_256_gcm, MacAlgorithm::none, HashAlgorithm::sha384, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305", KeyExchange::ecdhe_rsa, CipherAlgorithm::chacha20_poly1305, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", KeyExchange::ecdhe_ecdsa, CipherAlgorithm::chacha20_poly1305, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    {CipherSuite::dhe_rsa_with_chacha20_poly1305_sha256, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "DHE-RSA-CHACHA20-POLY1305", KeyExchange::dhe_rsa, CipherAlgorithm::chacha20_poly1305, MacAlgorithm::none, HashAlgorithm::sha256, V::tls12, V::tls12, true},
    // clang-format on
}};

// The names as NameRows, for the shared lookup helpers.
constexpr auto kNames = [] {
  std::array<NameRow<CipherSuite>, kSuites.size()> rows{};
  for (size_t i = 0; i < kSuites.size(); ++i)
    rows[i] = {kSuites[i].suite, kSuites[i].iana, kSuites[i].openssl};
  return rows;
}();

using K = KeyExchange;
// OpenSSL names are the cipher-string selectors for the same suites.
constexpr std::array<NameRow<K>, 8> kKeyExchanges{{
    {K::null, "NULL", ""},
    {K::rsa, "RSA", "kRSA"},
    {K::dhe_rsa, "DHE_RSA", "kDHE+aRSA"},
    {K::dhe_dss, "DHE_DSS", "kDHE+aDSS"},
    {K::ecdhe_rsa, "ECDHE_RSA", "kECDHE+aRSA"},
    {K::ecdhe_ecdsa, "ECDHE_ECDSA", "kECDHE+aECDSA"},
    {K::tls13, "TLS13", ""},
    {K::scsv, "SCSV", ""},
}};

}  // namespace

std::string iana_name(KeyExchange k) { return iana_name<K>(kKeyExchanges, k, 2); }
std::string openssl_name(KeyExchange k) { return openssl_name<K>(kKeyExchanges, k, 2); }
std::optional<KeyExchange> key_exchange_from_name(std::string_view n) {
  return from_name<K>(kKeyExchanges, n);
}

std::span<const CipherSuiteInfo> all_cipher_suites() { return kSuites; }

const CipherSuiteInfo* cipher_suite_info(CipherSuite s) {
  for (const auto& info : kSuites)
    if (info.suite == s) return &info;
  return nullptr;
}

std::string iana_name(CipherSuite v) { return iana_name<CipherSuite>(kNames, v, 4); }
std::string openssl_name(CipherSuite v) { return openssl_name<CipherSuite>(kNames, v, 4); }
std::optional<CipherSuite> cipher_suite_from_name(std::string_view n) {
  return from_name<CipherSuite>(kNames, n);
}
std::optional<CipherSuite> known_cipher_suite(uint16_t wire) {
  return from_value<CipherSuite>(kNames, wire);
}

bool is_signalling(CipherSuite s) {
  const CipherSuiteInfo* info = cipher_suite_info(s);
  return info != nullptr && info->key_exchange == KeyExchange::scsv;
}

}  // namespace gauntlet
