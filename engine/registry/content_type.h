// Record content types (RFC 5246 §6.2.1, RFC 6520 heartbeat, RFC 8446).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class ContentType : uint8_t {
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
  heartbeat = 24,
};

std::string iana_name(ContentType v);
std::string openssl_name(ContentType v);
std::optional<ContentType> content_type_from_name(std::string_view name);
// The content type with this wire value, if it is one we know.
std::optional<ContentType> known_content_type(uint8_t wire);

}  // namespace gauntlet
