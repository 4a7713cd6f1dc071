#include "engine/registry/client_certificate_type.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using C = ClientCertificateType;
// OpenSSL names as its protocol trace prints them.
constexpr std::array<NameRow<C>, 7> kTypes{{
    {C::rsa_sign, "rsa_sign", "rsa_sign"},
    {C::dss_sign, "dss_sign", "dss_sign"},
    {C::rsa_fixed_dh, "rsa_fixed_dh", "rsa_fixed_dh"},
    {C::dss_fixed_dh, "dss_fixed_dh", "dss_fixed_dh"},
    {C::ecdsa_sign, "ecdsa_sign", "ecdsa_sign"},
    {C::rsa_fixed_ecdh, "rsa_fixed_ecdh", "rsa_fixed_ecdh"},
    {C::ecdsa_fixed_ecdh, "ecdsa_fixed_ecdh", "ecdsa_fixed_ecdh"},
}};

}  // namespace

std::string iana_name(ClientCertificateType v) { return iana_name<C>(kTypes, v, 2); }
std::string openssl_name(ClientCertificateType v) { return openssl_name<C>(kTypes, v, 2); }
std::optional<ClientCertificateType> client_certificate_type_from_name(std::string_view n) {
  return from_name<C>(kTypes, n);
}
std::optional<ClientCertificateType> known_client_certificate_type(uint8_t wire) {
  return from_value<C>(kTypes, wire);
}

}  // namespace gauntlet
