// Named groups (RFC 8422 §5.1.1, RFC 7919, RFC 8446 §4.2.7; IANA "TLS
// Supported Groups"), EC point formats and curve types (RFC 8422 §5.1.2, §5.4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class NamedGroup : uint16_t {
  sect163k1 = 1,
  sect163r1 = 2,
  sect163r2 = 3,
  sect193r1 = 4,
  sect193r2 = 5,
  sect233k1 = 6,
  sect233r1 = 7,
  sect239k1 = 8,
  sect283k1 = 9,
  sect283r1 = 10,
  sect409k1 = 11,
  sect409r1 = 12,
  sect571k1 = 13,
  sect571r1 = 14,
  secp160k1 = 15,
  secp160r1 = 16,
  secp160r2 = 17,
  secp192k1 = 18,
  secp192r1 = 19,
  secp224k1 = 20,
  secp224r1 = 21,
  secp256k1 = 22,
  secp256r1 = 23,
  secp384r1 = 24,
  secp521r1 = 25,
  brainpoolP256r1 = 26,
  brainpoolP384r1 = 27,
  brainpoolP512r1 = 28,
  x25519 = 29,
  x448 = 30,
  ffdhe2048 = 256,
  ffdhe3072 = 257,
  ffdhe4096 = 258,
  ffdhe6144 = 259,
  ffdhe8192 = 260,
  arbitrary_explicit_prime_curves = 0xff01,
  arbitrary_explicit_char2_curves = 0xff02,
};

std::string iana_name(NamedGroup v);
// As SSL_CTX_set1_groups_list() accepts it, e.g. "P-256", "X25519".
std::string openssl_name(NamedGroup v);
std::optional<NamedGroup> named_group_from_name(std::string_view name);
std::optional<NamedGroup> known_named_group(uint16_t wire);
bool is_ffdhe(NamedGroup g);

enum class ECPointFormat : uint8_t {
  uncompressed = 0,
  ansiX962_compressed_prime = 1,
  ansiX962_compressed_char2 = 2,
};

std::string iana_name(ECPointFormat v);
std::string openssl_name(ECPointFormat v);
std::optional<ECPointFormat> ec_point_format_from_name(std::string_view name);
std::optional<ECPointFormat> known_ec_point_format(uint8_t wire);

enum class ECCurveType : uint8_t {
  explicit_prime = 1,
  explicit_char2 = 2,
  named_curve = 3,
};

std::string iana_name(ECCurveType v);
std::string openssl_name(ECCurveType v);
std::optional<ECCurveType> ec_curve_type_from_name(std::string_view name);
std::optional<ECCurveType> known_ec_curve_type(uint8_t wire);

}  // namespace gauntlet
