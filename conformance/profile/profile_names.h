// How a profile (a server's or a client command's) is written out: the
// IANA names of what it found, as text and as JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gauntlet::conformance {

template <typename T>
std::string names(const std::vector<T>& values, const char* none = "none") {
  if (values.empty()) return none;
  std::string out;
  for (const T& v : values) out += (out.empty() ? "" : " ") + iana_name(v);
  return out;
}

template <typename T>
nlohmann::json name_array(const std::vector<T>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& v : values) out.push_back(iana_name(v));
  return out;
}

// Null where the probe could not tell.
inline nlohmann::json json_or_null(const std::optional<bool>& b) {
  return b ? nlohmann::json(*b) : nlohmann::json(nullptr);
}

}  // namespace gauntlet::conformance
