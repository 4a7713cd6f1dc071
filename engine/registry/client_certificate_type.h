// ClientCertificateType of CertificateRequest (RFC 5246 §7.4.4, RFC 8422 §5.5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class ClientCertificateType : uint8_t {
  rsa_sign = 1,
  dss_sign = 2,
  rsa_fixed_dh = 3,
  dss_fixed_dh = 4,
  ecdsa_sign = 64,
  rsa_fixed_ecdh = 65,
  ecdsa_fixed_ecdh = 66,
};

std::string iana_name(ClientCertificateType v);
std::string openssl_name(ClientCertificateType v);
std::optional<ClientCertificateType> client_certificate_type_from_name(std::string_view name);
std::optional<ClientCertificateType> known_client_certificate_type(uint8_t wire);

}  // namespace gauntlet
