// Every named enum (alerts here, engine/registry's) carries a table of
// (value, IANA name, OpenSSL name) rows; these helpers look names up both
// ways. Unknown values print as hex so a decoder never loses information.
// Enums of our own (engine/connection/config_names.h) put the name scenario
// files and the command line use in the IANA column.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gauntlet {

template <typename E>
struct NameRow {
  E value;
  std::string_view iana;
  std::string_view openssl;  // empty where OpenSSL has no name
};

std::string unknown_name(uint32_t value, int hex_digits);

template <typename E>
std::string iana_name(std::span<const NameRow<E>> table, E v, int hex_digits) {
  for (const auto& row : table)
    if (row.value == v) return std::string(row.iana);
  return unknown_name(static_cast<uint32_t>(v), hex_digits);
}

template <typename E>
std::string openssl_name(std::span<const NameRow<E>> table, E v, int hex_digits) {
  for (const auto& row : table)
    if (row.value == v) return std::string(row.openssl.empty() ? row.iana : row.openssl);
  return unknown_name(static_cast<uint32_t>(v), hex_digits);
}

// Accepts the IANA name or the OpenSSL name.
template <typename E>
std::optional<E> from_name(std::span<const NameRow<E>> table, std::string_view name) {
  for (const auto& row : table)
    if (row.iana == name || (!row.openssl.empty() && row.openssl == name)) return row.value;
  return std::nullopt;
}

// Every IANA name in table order, "a, b, c": what a usage message offers.
template <typename E>
std::string name_list(std::span<const NameRow<E>> table) {
  std::string out;
  for (const auto& row : table) out += (out.empty() ? "" : ", ") + std::string(row.iana);
  return out;
}

// The enum value with this wire value, if the table knows it.
template <typename E>
std::optional<E> from_value(std::span<const NameRow<E>> table, uint32_t wire) {
  for (const auto& row : table)
    if (static_cast<uint32_t>(row.value) == wire) return row.value;
  return std::nullopt;
}

}  // namespace gauntlet
