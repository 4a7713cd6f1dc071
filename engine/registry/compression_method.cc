#include "engine/registry/compression_method.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using C = CompressionMethod;
// IANA "TLS Compression Method Identifiers"; OpenSSL names as its trace prints them.
constexpr std::array<NameRow<C>, 2> kMethods{{
    {C::null, "NULL", "No Compression"},
    {C::deflate, "DEFLATE", "Zlib Compression"},
}};

}  // namespace

std::string iana_name(CompressionMethod v) { return iana_name<C>(kMethods, v, 2); }
std::string openssl_name(CompressionMethod v) { return openssl_name<C>(kMethods, v, 2); }
std::optional<CompressionMethod> compression_method_from_name(std::string_view n) {
  return from_name<C>(kMethods, n);
}
std::optional<CompressionMethod> known_compression_method(uint8_t wire) {
  return from_value<C>(kMethods, wire);
}

}  // namespace gauntlet
