#include "engine/registry/version.h"

#include <array>
#include <utility>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using V = ProtocolVersion;
constexpr std::array<NameRow<V>, 6> kVersions{{
    {V::ssl2, "SSL 2.0", "SSLv2"},
    {V::ssl3, "SSL 3.0", "SSLv3"},
    {V::tls10, "TLS 1.0", "TLSv1"},
    {V::tls11, "TLS 1.1", "TLSv1.1"},
    {V::tls12, "TLS 1.2", "TLSv1.2"},
    {V::tls13, "TLS 1.3", "TLSv1.3"},
}};

}  // namespace

std::string iana_name(ProtocolVersion v) { return iana_name<V>(kVersions, v, 4); }
std::string openssl_name(ProtocolVersion v) { return openssl_name<V>(kVersions, v, 4); }
std::optional<ProtocolVersion> protocol_version_from_name(std::string_view n) {
  return from_name<V>(kVersions, n);
}

std::optional<ProtocolVersion> known_version(uint16_t wire) { return from_value<V>(kVersions, wire); }

std::optional<ProtocolVersion> protocol_version_from_any_name(std::string_view n) {
  static constexpr std::array<std::pair<std::string_view, V>, 7> kShort{{
      {"ssl2", V::ssl2},
      {"ssl3", V::ssl3},
      {"tls1.0", V::tls10},
      {"tls1", V::tls10},
      {"tls1.1", V::tls11},
      {"tls1.2", V::tls12},
      {"tls1.3", V::tls13},
  }};
  for (const auto& [name, v] : kShort)
    if (n == name) return v;
  return protocol_version_from_name(n);
}

}  // namespace gauntlet
