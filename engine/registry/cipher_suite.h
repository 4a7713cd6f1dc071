// Cipher suites (IANA "TLS Cipher Suites"; RFC 5246 appendix A.5, RFC 4492,
// RFC 5288, RFC 5289, RFC 7905, RFC 8446 §B.4) and the signalling values
// (RFC 5746 §3.3, RFC 7507). Enumerators drop the "TLS_" prefix.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/registry/algorithm_ids.h"
#include "engine/registry/version.h"

namespace gauntlet {

enum class CipherSuite : uint16_t {
  null_with_null_null = 0x0000,
  rsa_with_null_md5 = 0x0001,
  rsa_with_null_sha = 0x0002,
  rsa_with_rc4_128_md5 = 0x0004,
  rsa_with_rc4_128_sha = 0x0005,
  rsa_with_3des_ede_cbc_sha = 0x000a,
  dhe_dss_with_3des_ede_cbc_sha = 0x0013,
  dhe_rsa_with_3des_ede_cbc_sha = 0x0016,
  rsa_with_aes_128_cbc_sha = 0x002f,
  dhe_dss_with_aes_128_cbc_sha = 0x0032,
  dhe_rsa_with_aes_128_cbc_sha = 0x0033,
  rsa_with_aes_256_cbc_sha = 0x0035,
  dhe_dss_with_aes_256_cbc_sha = 0x0038,
  dhe_rsa_with_aes_256_cbc_sha = 0x0039,
  rsa_with_null_sha256 = 0x003b,
  rsa_with_aes_128_cbc_sha256 = 0x003c,
  rsa_with_aes_256_cbc_sha256 = 0x003d,
  dhe_dss_with_aes_128_cbc_sha256 = 0x0040,
  dhe_rsa_with_aes_128_cbc_sha256 = 0x0067,
  dhe_dss_with_aes_256_cbc_sha256 = 0x006a,
  dhe_rsa_with_aes_256_cbc_sha256 = 0x006b,
  rsa_with_aes_128_gcm_sha256 = 0x009c,
  rsa_with_aes_256_gcm_sha384 = 0x009d,
  dhe_rsa_with_aes_128_gcm_sha256 = 0x009e,
  dhe_rsa_with_aes_256_gcm_sha384 = 0x009f,
  dhe_dss_with_aes_128_gcm_sha256 = 0x00a2,
  dhe_dss_with_aes_256_gcm_sha384 = 0x00a3,
  empty_renegotiation_info_scsv = 0x00ff,
  aes_128_gcm_sha256 = 0x1301,
  aes_256_gcm_sha384 = 0x1302,
  chacha20_poly1305_sha256 = 0x1303,
  aes_128_ccm_sha256 = 0x1304,
  aes_128_ccm_8_sha256 = 0x1305,
  fallback_scsv = 0x5600,
  ecdhe_ecdsa_with_null_sha = 0xc006,
  ecdhe_ecdsa_with_rc4_128_sha = 0xc007,
  ecdhe_ecdsa_with_3des_ede_cbc_sha = 0xc008,
  ecdhe_ecdsa_with_aes_128_cbc_sha = 0xc009,
  ecdhe_ecdsa_with_aes_256_cbc_sha = 0xc00a,
  ecdhe_rsa_with_null_sha = 0xc010,
  ecdhe_rsa_with_rc4_128_sha = 0xc011,
  ecdhe_rsa_with_3des_ede_cbc_sha = 0xc012,
  ecdhe_rsa_with_aes_128_cbc_sha = 0xc013,
  ecdhe_rsa_with_aes_256_cbc_sha = 0xc014,
  ecdhe_ecdsa_with_aes_128_cbc_sha256 = 0xc023,
  ecdhe_ecdsa_with_aes_256_cbc_sha384 = 0xc024,
  ecdhe_rsa_with_aes_128_cbc_sha256 = 0xc027,
  ecdhe_rsa_with_aes_256_cbc_sha384 = 0xc028,
  ecdhe_ecdsa_with_aes_128_gcm_sha256 = 0xc02b,
  ecdhe_ecdsa_with_aes_256_gcm_sha384 = 0xc02c,
  ecdhe_rsa_with_aes_128_gcm_sha256 = 0xc02f,
  ecdhe_rsa_with_aes_256_gcm_sha384 = 0xc030,
  ecdhe_rsa_with_chacha20_poly1305_sha256 = 0xcca8,
  ecdhe_ecdsa_with_chacha20_poly1305_sha256 = 0xcca9,
  dhe_rsa_with_chacha20_poly1305_sha256 = 0xccaa,
};

enum class KeyExchange {
  null,  // TLS_NULL_WITH_NULL_NULL, the initial state
  rsa,
  dhe_rsa,
  dhe_dss,
  ecdhe_rsa,
  ecdhe_ecdsa,
  tls13,  // TLS 1.3 suites leave key exchange to the extensions
  scsv,   // signalling values, not suites
};

// "ECDHE_RSA", as the IANA suite names spell it.
std::string iana_name(KeyExchange k);
// The OpenSSL cipher-string selector, e.g. "kECDHE+aRSA".
std::string openssl_name(KeyExchange k);
std::optional<KeyExchange> key_exchange_from_name(std::string_view name);

struct CipherSuiteInfo {
  CipherSuite suite;
  std::string_view iana;
  std::string_view openssl;  // empty where OpenSSL has no name
  KeyExchange key_exchange;
  CipherAlgorithm cipher;
  MacAlgorithm mac;
  HashAlgorithm prf_hash;  // TLS 1.2 PRF / TLS 1.3 HKDF hash
  ProtocolVersion min_version;
  ProtocolVersion max_version;
  bool engine_supported;  // false for what the engine cannot speak

  bool operator==(const CipherSuiteInfo&) const = default;
};

std::span<const CipherSuiteInfo> all_cipher_suites();
// nullptr for a suite we do not know.
const CipherSuiteInfo* cipher_suite_info(CipherSuite s);

std::string iana_name(CipherSuite v);
// "ECDHE-RSA-AES128-GCM-SHA256"
std::string openssl_name(CipherSuite v);
std::optional<CipherSuite> cipher_suite_from_name(std::string_view name);
std::optional<CipherSuite> known_cipher_suite(uint16_t wire);
bool is_signalling(CipherSuite s);

}  // namespace gauntlet
