// Reading the fields of a scenario file (YAML, through yaml-cpp): scalars,
// hex, numbers, registry names, version and suite lists. The loader, the
// settings keys and every step kind read through one YamlReader, so every
// mistake is reported alike: "file:line: reason".
#pragma once

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/version.h"

namespace gauntlet::conformance {

// Where a value came from, for every error message.
struct SourceLine {
  std::string file;
  int line = 0;
  std::string to_string() const { return file + ":" + std::to_string(line); }
};

// Thrown by YamlReader, caught at the loader's entry points: a mistake deep
// in a nested node unwinds to one place that turns it into an Error.
struct BadFile {
  std::string message;
};

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& n, const std::string& reason) const;
  SourceLine where(const YAML::Node& n) const { return {file_, n.Mark().line + 1}; }

  // A key outside `keys` is a mistake, so a misspelt field never silently
  // does nothing; the error lists the keys allowed.
  void only_keys(const YAML::Node& map, std::span<const std::string_view> keys) const;
  void only_keys(const YAML::Node& map, std::initializer_list<std::string_view> keys) const {
    only_keys(map, std::span(keys.begin(), keys.size()));
  }
  const YAML::Node& require_map(const YAML::Node& n, const std::string& what) const;
  std::string text(const YAML::Node& n) const;
  bool boolean(const YAML::Node& n) const;
  uint64_t integer(const YAML::Node& n, uint64_t max) const;
  Bytes hex(const YAML::Node& n) const;
  ProtocolVersion version(const YAML::Node& n) const;
  std::vector<ProtocolVersion> versions(const YAML::Node& n) const;
  // A selector (suite_selectors.h) or a non-empty list of them.
  std::vector<CipherSuite> suites(const YAML::Node& n) const;
  // SSL 2.0 cipher kinds: names (RC4-MD5 or SSL_CK_RC4_128_WITH_MD5), `all`
  // or `export` (the export40 kinds).
  std::vector<Ssl2CipherKind> ssl2_kinds(const YAML::Node& n) const;

  template <typename E>
  E named(const YAML::Node& n, std::optional<E> (*lookup)(std::string_view),
          const std::string& what) const {
    const std::string s = text(n);
    const auto v = lookup(s);
    if (!v) fail(n, "unknown " + what + " '" + s + "'");
    return *v;
  }

  // A registry name, or a wire value for values the registry does not know.
  template <typename E>
  E wire_or_named(const YAML::Node& n, std::optional<E> (*lookup)(std::string_view),
                  const std::string& what, uint64_t max) const {
    const std::string s = text(n);
    if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
      return static_cast<E>(integer(n, max));
    }
    return named(n, lookup, what);
  }

  // One of engine/connection's config names (config_names.h); the error
  // names the key and lists the choices.
  template <typename E>
  E config_name(const YAML::Node& n, Result<E> (*lookup)(std::string_view),
                const std::string& key) const {
    auto v = lookup(text(n));
    if (!v) fail(n, key + ": " + v.error().reason);
    return *v;
  }

 private:
  std::string file_;
};

}  // namespace gauntlet::conformance
