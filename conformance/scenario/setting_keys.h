// The YAML keys of `sut`, `peer` and `bugs` (and a reconnection's `bugs`):
// one table per block of {key, reader, doc}. The table is the only list of
// keys: the loader reads through it, refuses any key not in it (file:line,
// the keys allowed), and docs/CONFORMANCE.md's key list is its `doc`
// column, which a test keeps equal.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "conformance/scenario/settings.h"
#include "conformance/scenario/yaml_reader.h"
#include "engine/connection/bugs.h"

namespace gauntlet::conformance {

template <typename T>
struct SettingKey {
  std::string_view key;
  // Sets the field from the key's value (a whole value: a list replaces,
  // so a scenario's own list overrides its family's default).
  void (*read)(const YamlReader& r, const YAML::Node& value, T& into);
  std::string_view doc;
};

std::span<const SettingKey<SutSettings>> sut_keys();
std::span<const SettingKey<PeerSettings>> peer_keys();
std::span<const SettingKey<Bugs>> bugs_keys();

// {record or message, nth, action}: a `tamper` step's body and the `bugs`
// key's value. `message` names a handshake message (its record type is
// then handshake).
RecordTamper read_tamper(const YamlReader& r, const YAML::Node& v);

// A `what` mapping read over `start` (the built-in values, or a family's
// defaults), in the table's order.
template <typename T>
T read_settings(const YamlReader& r, const YAML::Node& n, std::span<const SettingKey<T>> keys,
                const std::string& what, T start = {}) {
  r.require_map(n, what);
  std::vector<std::string_view> names;
  for (const auto& k : keys) names.push_back(k.key);
  r.only_keys(n, names);
  for (const auto& k : keys) {
    if (const YAML::Node v = n[std::string(k.key)]) k.read(r, v, start);
  }
  return start;
}

}  // namespace gauntlet::conformance
