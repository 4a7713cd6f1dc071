#include "engine/registry/content_type.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using C = ContentType;
// OpenSSL names as its -msg trace prints them.
constexpr std::array<NameRow<C>, 5> kContentTypes{{
    {C::change_cipher_spec, "change_cipher_spec", "ChangeCipherSpec"},
    {C::alert, "alert", "Alert"},
    {C::handshake, "handshake", "Handshake"},
    {C::application_data, "application_data", "ApplicationData"},
    {C::heartbeat, "heartbeat", "Heartbeat"},
}};

}  // namespace

std::string iana_name(ContentType v) { return iana_name<C>(kContentTypes, v, 2); }
std::string openssl_name(ContentType v) { return openssl_name<C>(kContentTypes, v, 2); }
std::optional<ContentType> content_type_from_name(std::string_view n) {
  return from_name<C>(kContentTypes, n);
}

// Every record header passes here, and the types are consecutive: a range
// check rather than a search of the table.
static_assert(static_cast<size_t>(kContentTypes.back().value) -
                      static_cast<size_t>(kContentTypes.front().value) + 1 ==
                  kContentTypes.size(),
              "content types are consecutive");
std::optional<ContentType> known_content_type(uint8_t wire) {
  if (wire < static_cast<uint8_t>(kContentTypes.front().value) ||
      wire > static_cast<uint8_t>(kContentTypes.back().value)) {
    return std::nullopt;
  }
  return static_cast<ContentType>(wire);
}

}  // namespace gauntlet
