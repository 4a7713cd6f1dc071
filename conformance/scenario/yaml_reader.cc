#include "conformance/scenario/yaml_reader.h"

#include <algorithm>

#include "conformance/scenario/suite_selectors.h"

namespace gauntlet::conformance {

void YamlReader::fail(const YAML::Node& n, const std::string& reason) const {
  throw BadFile{file_ + ":" + std::to_string(n.Mark().line + 1) + ": " + reason};
}

void YamlReader::only_keys(const YAML::Node& map, std::span<const std::string_view> keys) const {
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (std::ranges::find(keys, key) == keys.end()) {
      std::string allowed;
      for (const auto k : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
      fail(kv.first, "unknown key '" + key + "' (expected one of: " + allowed + ")");
    }
  }
}

const YAML::Node& YamlReader::require_map(const YAML::Node& n, const std::string& what) const {
  if (!n.IsMap()) fail(n, what + " must be a mapping");
  return n;
}

std::string YamlReader::text(const YAML::Node& n) const {
  if (!n.IsScalar()) fail(n, "expected a scalar value");
  return n.as<std::string>();
}

bool YamlReader::boolean(const YAML::Node& n) const {
  bool b = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b)) fail(n, "expected true or false");
  return b;
}

uint64_t YamlReader::integer(const YAML::Node& n, uint64_t max) const {
  const std::string s = text(n);
  size_t used = 0;
  uint64_t v = 0;
  try {
    v = std::stoull(s, &used, 0);
  } catch (const std::exception&) {
    fail(n, "'" + s + "' is not a number");
  }
  if (used != s.size() || s.starts_with('-')) fail(n, "'" + s + "' is not a number");
  if (v > max) fail(n, s + " is larger than " + std::to_string(max));
  return v;
}

Bytes YamlReader::hex(const YAML::Node& n) const {
  const std::string s = text(n);
  Bytes out;
  int nibble = -1;
  for (const char c : s) {
    if (c == ' ' || c == ':') continue;
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) fail(n, "'" + s + "' is not hex");
    if (nibble < 0) {
      nibble = v;
    } else {
      out.push_back(static_cast<uint8_t>(nibble << 4 | v));
      nibble = -1;
    }
  }
  if (nibble >= 0) fail(n, "odd number of hex digits in '" + s + "'");
  return out;
}

ProtocolVersion YamlReader::version(const YAML::Node& n) const {
  return named(n, &protocol_version_from_any_name, "version");
}

std::vector<ProtocolVersion> YamlReader::versions(const YAML::Node& n) const {
  if (!n.IsSequence() || n.size() == 0) fail(n, "'versions' must be a non-empty list");
  std::vector<ProtocolVersion> out;
  for (const auto& v : n) {
    const auto pv = version(v);
    if (pv < ProtocolVersion::ssl2 || pv > ProtocolVersion::tls13) {
      fail(v, "scenarios run SSL 2.0 to TLS 1.3");
    }
    out.push_back(pv);
  }
  return out;
}

std::vector<CipherSuite> YamlReader::suites(const YAML::Node& n) const {
  std::vector<std::string> selectors;
  if (n.IsScalar()) {
    selectors.push_back(text(n));
  } else if (n.IsSequence() && n.size() > 0) {
    for (const auto& s : n) selectors.push_back(text(s));
  } else {
    fail(n, "'suites' is a selector or a non-empty list of them");
  }
  std::vector<CipherSuite> out;
  for (const auto& sel : selectors) {
    auto r = resolve_suite_selector(sel);
    if (!r) fail(n, r.error().reason);
    for (const CipherSuite s : *r)
      if (std::ranges::find(out, s) == out.end()) out.push_back(s);
  }
  return out;
}

std::vector<Ssl2CipherKind> YamlReader::ssl2_kinds(const YAML::Node& n) const {
  std::vector<YAML::Node> items;
  if (n.IsScalar()) {
    items.push_back(n);
  } else if (n.IsSequence() && n.size() > 0) {
    for (const auto& k : n) items.push_back(k);
  } else {
    fail(n, "'kinds' is all, export or a non-empty list of SSL 2.0 cipher kinds");
  }
  std::vector<Ssl2CipherKind> out;
  const auto add = [&](Ssl2CipherKind k) {
    if (std::ranges::find(out, k) == out.end()) out.push_back(k);
  };
  for (const auto& item : items) {
    const std::string name = text(item);
    if (name == "all" || name == "export") {
      for (const Ssl2CipherKindInfo& k : all_ssl2_cipher_kinds())
        if (name == "all" || k.export40()) add(k.kind);
    } else {
      add(named(item, &ssl2_cipher_kind_from_name, "SSL 2.0 cipher kind"));
    }
  }
  return out;
}

}  // namespace gauntlet::conformance
