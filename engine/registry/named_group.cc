#include "engine/registry/named_group.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using G = NamedGroup;
// OpenSSL names are those SSL_CTX_set1_groups_list() accepts, its NIST or RFC
// 7748 alias where it has one; it has none for the explicit-curve markers.
constexpr std::array<NameRow<G>, 37> kGroups{{
    {G::sect163k1, "sect163k1", "K-163"},
    {G::sect163r1, "sect163r1", "sect163r1"},
    {G::sect163r2, "sect163r2", "B-163"},
    {G::sect193r1, "sect193r1", "sect193r1"},
    {G::sect193r2, "sect193r2", "sect193r2"},
    {G::sect233k1, "sect233k1", "K-233"},
    {G::sect233r1, "sect233r1", "B-233"},
    {G::sect239k1, "sect239k1", "sect239k1"},
    {G::sect283k1, "sect283k1", "K-283"},
    {G::sect283r1, "sect283r1", "B-283"},
    {G::sect409k1, "sect409k1", "K-409"},
    {G::sect409r1, "sect409r1", "B-409"},
    {G::sect571k1, "sect571k1", "K-571"},
    {G::sect571r1, "sect571r1", "B-571"},
    {G::secp160k1, "secp160k1", "secp160k1"},
    {G::secp160r1, "secp160r1", "secp160r1"},
    {G::secp160r2, "secp160r2", "secp160r2"},
    {G::secp192k1, "secp192k1", "secp192k1"},
    {G::secp192r1, "secp192r1", "P-192"},
    {G::secp224k1, "secp224k1", "secp224k1"},
    {G::secp224r1, "secp224r1", "P-224"},
    {G::secp256k1, "secp256k1", "secp256k1"},
    {G::secp256r1, "secp256r1", "P-256"},
    {G::secp384r1, "secp384r1", "P-384"},
    {G::secp521r1, "secp521r1", "P-521"},
    {G::brainpoolP256r1, "brainpoolP256r1", "brainpoolP256r1"},
    {G::brainpoolP384r1, "brainpoolP384r1", "brainpoolP384r1"},
    {G::brainpoolP512r1, "brainpoolP512r1", "brainpoolP512r1"},
    {G::x25519, "x25519", "X25519"},
    {G::x448, "x448", "X448"},
    {G::ffdhe2048, "ffdhe2048", "ffdhe2048"},
    {G::ffdhe3072, "ffdhe3072", "ffdhe3072"},
    {G::ffdhe4096, "ffdhe4096", "ffdhe4096"},
    {G::ffdhe6144, "ffdhe6144", "ffdhe6144"},
    {G::ffdhe8192, "ffdhe8192", "ffdhe8192"},
    {G::arbitrary_explicit_prime_curves, "arbitrary_explicit_prime_curves", ""},
    {G::arbitrary_explicit_char2_curves, "arbitrary_explicit_char2_curves", ""},
}};

using F = ECPointFormat;
// OpenSSL names as its trace prints them.
constexpr std::array<NameRow<F>, 3> kFormats{{
    {F::uncompressed, "uncompressed", "uncompressed"},
    {F::ansiX962_compressed_prime, "ansiX962_compressed_prime", "ansiX962_compressed_prime"},
    {F::ansiX962_compressed_char2, "ansiX962_compressed_char2", "ansiX962_compressed_char2"},
}};

using C = ECCurveType;
constexpr std::array<NameRow<C>, 3> kCurveTypes{{
    {C::explicit_prime, "explicit_prime", ""},
    {C::explicit_char2, "explicit_char2", ""},
    {C::named_curve, "named_curve", ""},
}};

}  // namespace

std::string iana_name(NamedGroup v) { return iana_name<G>(kGroups, v, 4); }
std::string openssl_name(NamedGroup v) { return openssl_name<G>(kGroups, v, 4); }
std::optional<NamedGroup> named_group_from_name(std::string_view n) {
  return from_name<G>(kGroups, n);
}
std::optional<NamedGroup> known_named_group(uint16_t wire) { return from_value<G>(kGroups, wire); }
bool is_ffdhe(NamedGroup g) { return g >= G::ffdhe2048 && g <= G::ffdhe8192; }

std::string iana_name(ECPointFormat v) { return iana_name<F>(kFormats, v, 2); }
std::string openssl_name(ECPointFormat v) { return openssl_name<F>(kFormats, v, 2); }
std::optional<ECPointFormat> ec_point_format_from_name(std::string_view n) {
  return from_name<F>(kFormats, n);
}
std::optional<ECPointFormat> known_ec_point_format(uint8_t wire) {
  return from_value<F>(kFormats, wire);
}

std::string iana_name(ECCurveType v) { return iana_name<C>(kCurveTypes, v, 2); }
std::string openssl_name(ECCurveType v) { return openssl_name<C>(kCurveTypes, v, 2); }
std::optional<ECCurveType> ec_curve_type_from_name(std::string_view n) {
  return from_name<C>(kCurveTypes, n);
}
std::optional<ECCurveType> known_ec_curve_type(uint8_t wire) {
  return from_value<C>(kCurveTypes, wire);
}

}  // namespace gauntlet
