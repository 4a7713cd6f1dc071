#include "conformance/scenario/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <set>

#include "conformance/scenario/setting_keys.h"

namespace gauntlet::conformance {

namespace {

// What a family file says once for all its scenarios: its name, description
// and RFC, and its `defaults:` block. A scenario's own versions, suites,
// kinds, scripted and rule replace the defaults; its peer keys are set over
// them.
struct Family {
  Scenario base;
  std::optional<Role> scripted;
  bool versions = false, suites = false;  // `base` holds them
};

class Parser {
 public:
  explicit Parser(std::string file) : r_(std::move(file)) {}

  std::vector<Scenario> family(const YAML::Node& root) const;

 private:
  void defaults(const YAML::Node& n, Family& f) const;
  Role role(const YAML::Node& n) const;
  Scenario scenario(const YAML::Node& n, const Family& f) const;

  YamlReader r_;
};

Role Parser::role(const YAML::Node& n) const {
  const std::string role = r_.text(n);
  if (role != "client" && role != "server") r_.fail(n, "'scripted' is client or server");
  return role == "client" ? Role::client : Role::server;
}

void Parser::defaults(const YAML::Node& n, Family& f) const {
  r_.require_map(n, "'defaults'");
  r_.only_keys(n, {"scripted", "versions", "suites", "kinds", "peer", "rule"});
  if (n["scripted"]) f.scripted = role(n["scripted"]);
  if (n["rule"]) f.base.rule = r_.text(n["rule"]);
  if (n["versions"]) {
    f.base.versions = r_.versions(n["versions"]);
    f.versions = true;
  }
  if (n["suites"]) {
    f.base.suites = r_.suites(n["suites"]);
    f.suites = true;
  }
  if (n["kinds"]) f.base.ssl2_kinds = r_.ssl2_kinds(n["kinds"]);
  if (n["peer"]) f.base.peer = read_settings(r_, n["peer"], peer_keys(), "'peer'");
}

std::vector<Scenario> Parser::family(const YAML::Node& root) const {
  r_.require_map(root, "a family file");
  r_.only_keys(root, {"family", "description", "rfc", "defaults", "scenarios"});
  Family f;
  if (!root["family"]) r_.fail(root, "missing 'family'");
  f.base.family = r_.text(root["family"]);
  if (root["description"]) f.base.description = r_.text(root["description"]);
  if (root["rfc"]) f.base.rfc = r_.text(root["rfc"]);
  if (root["defaults"]) defaults(root["defaults"], f);
  const YAML::Node list = root["scenarios"];
  if (!list || !list.IsSequence() || list.size() == 0) {
    r_.fail(root, "'scenarios' must be a non-empty list");
  }
  std::vector<Scenario> out;
  std::set<std::string> names;
  for (const auto& n : list) {
    Scenario s = scenario(n, f);
    if (!names.insert(s.name).second) r_.fail(n, "scenario '" + s.name + "' appears twice");
    out.push_back(std::move(s));
  }
  return out;
}

Scenario Parser::scenario(const YAML::Node& n, const Family& f) const {
  r_.require_map(n, "a scenario");
  r_.only_keys(n, {"name", "description", "rfc", "rule", "scripted", "versions", "suites", "kinds",
                   "sut", "peer", "bugs", "steps", "same_response", "requires", "negotiates_version"});
  Scenario s = f.base;
  s.where = r_.where(n);
  if (!n["name"]) r_.fail(n, "scenario without a 'name'");
  s.name = r_.text(n["name"]);
  if (s.name.empty() || s.name.find_first_of(" /[]") != std::string::npos) {
    r_.fail(n["name"], "a scenario name is one word without '/', '[' or ']'");
  }
  if (n["description"]) s.description = r_.text(n["description"]);
  if (s.description.empty()) r_.fail(n, "scenario '" + s.name + "' has no description");
  if (n["rfc"]) s.rfc = r_.text(n["rfc"]);
  if (s.rfc.empty()) r_.fail(n, "scenario '" + s.name + "' names no RFC section");
  if (n["rule"]) s.rule = r_.text(n["rule"]);
  if (n["scripted"]) {
    s.scripted = role(n["scripted"]);
  } else if (f.scripted) {
    s.scripted = *f.scripted;
  } else {
    r_.fail(n, "missing 'scripted' (client or server: the role our side plays)");
  }
  if (n["versions"]) {
    s.versions = r_.versions(n["versions"]);
  } else if (!f.versions) {
    s.versions = {ProtocolVersion::ssl3, ProtocolVersion::tls10, ProtocolVersion::tls11,
                  ProtocolVersion::tls12};
  }
  if (n["suites"] || !f.suites) s.suites = r_.suites(n["suites"] ? n["suites"] : YAML::Node("default"));
  // SSL 2.0 expands over cipher kinds, every other version over suites.
  if (n["kinds"]) s.ssl2_kinds = r_.ssl2_kinds(n["kinds"]);
  const bool ssl2 = std::ranges::find(s.versions, ProtocolVersion::ssl2) != s.versions.end();
  if (ssl2 != !s.ssl2_kinds.empty()) {
    r_.fail(n, ssl2 ? "an SSLv2 scenario needs 'kinds'" : "'kinds' is for SSLv2 scenarios only");
  }
  if (n["sut"]) s.sut = read_settings(r_, n["sut"], sut_keys(), "'sut'");
  if (n["peer"]) s.peer = read_settings(r_, n["peer"], peer_keys(), "'peer'", s.peer);
  if (n["bugs"]) s.bugs = read_settings(r_, n["bugs"], bugs_keys(), "'bugs'");
  if (n["same_response"]) s.same_response = r_.text(n["same_response"]);
  if (n["negotiates_version"]) s.negotiates_version = r_.boolean(n["negotiates_version"]);
  if (const YAML::Node needs = n["requires"]) {
    if (!needs.IsSequence()) r_.fail(needs, "'requires' is a list");
    for (const auto& need : needs) {
      s.needs.push_back(r_.named(need, &requirement_from_name, "requirement"));
    }
  }
  const YAML::Node steps = n["steps"];
  if (!steps || !steps.IsSequence() || steps.size() == 0) r_.fail(n, "'steps' must be a non-empty list");
  for (const auto& st : steps) s.steps.push_back(read_step(r_, st));
  return s;
}

}  // namespace

Result<std::vector<Scenario>> load_family_text(const std::string& text, const std::string& name) {
  try {
    return Parser(name).family(YAML::Load(text));
  } catch (const BadFile& e) {
    return decode_error(e.message);
  } catch (const YAML::Exception& e) {
    return decode_error(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace gauntlet::conformance
