// Protocol versions as they appear on the wire (RFC 5246 §6.2.1, RFC 6101,
// RFC 8446 §4.2.1; SSL 2.0's CLIENT-HELLO carries 0x0002).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class ProtocolVersion : uint16_t {
  ssl2 = 0x0002,
  ssl3 = 0x0300,
  tls10 = 0x0301,
  tls11 = 0x0302,
  tls12 = 0x0303,
  tls13 = 0x0304,
};

// "TLS 1.2"
std::string iana_name(ProtocolVersion v);
// "TLSv1.2", as OpenSSL's SSL_get_version() prints it.
std::string openssl_name(ProtocolVersion v);
std::optional<ProtocolVersion> protocol_version_from_name(std::string_view name);
// Also the short forms command lines and scenario files use: "ssl2", "ssl3",
// "tls1.0" (or "tls1"), "tls1.1", "tls1.2", "tls1.3".
std::optional<ProtocolVersion> protocol_version_from_any_name(std::string_view name);

// The version with this wire value, if it is one we know.
std::optional<ProtocolVersion> known_version(uint16_t wire);

}  // namespace gauntlet
