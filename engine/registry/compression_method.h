// Compression methods (RFC 5246 §7.4.1.2, RFC 3749).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class CompressionMethod : uint8_t { null = 0, deflate = 1 };

std::string iana_name(CompressionMethod v);
std::string openssl_name(CompressionMethod v);
std::optional<CompressionMethod> compression_method_from_name(std::string_view name);
std::optional<CompressionMethod> known_compression_method(uint8_t wire);

}  // namespace gauntlet
