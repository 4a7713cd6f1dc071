#include "conformance/scenario/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
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

Result<std::vector<Scenario>> parse(const std::string& name,
                                    const std::function<YAML::Node()>& load) {
  try {
    return Parser(name).family(load());
  } catch (const BadFile& e) {
    return decode_error(e.message);
  } catch (const YAML::Exception& e) {
    return decode_error(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace

int Scenario::connections() const {
  return 1 + static_cast<int>(std::ranges::count_if(
                 steps, [](const Step& s) { return s.is<ReconnectStep>(); }));
}

std::vector<Requirement> Scenario::requirements() const {
  std::vector<Requirement> out = needs;
  auto add = [&](Requirement r) {
    if (std::ranges::find(out, r) == out.end()) out.push_back(r);
  };
  for (const Step& s : steps) {
    if (const auto* r = std::get_if<RenegotiateStep>(&s.kind);
        r && r->expect.kind != Expect::Kind::refused) {
      add({Requirement::Kind::renegotiation});
    }
    // Data that must come back from a server: one that answers none (an
    // application that waits for more, or prints what it reads) cannot
    // pass such a step whatever its TLS does.
    const bool wants_data = std::visit(
        [](const auto& k) {
          if constexpr (requires { k.expect; }) return k.expect.kind == Expect::Kind::data;
          return false;
        },
        s.kind);
    if (scripted == Role::client && wants_data) add({Requirement::Kind::application_data});
    // 0-RTT data goes only to a peer whose tickets allow it (RFC 8446 §4.2.10).
    if (const auto* r = std::get_if<ReconnectStep>(&s.kind); r && (r->early_data || r->replay)) {
      add({Requirement::Kind::extension, ExtensionType::early_data});
    }
    if (const auto* h = std::get_if<HandshakeStep>(&s.kind);
        h && h->expect.kind == Expect::Kind::message &&
        h->expect.message == HandshakeType::new_session_ticket) {
      add({Requirement::Kind::tickets});
    }
    // Our server requiring a certificate and a handshake that must go on:
    // a client without one can only send an empty Certificate (RFC 5246
    // §7.4.6) and be refused, so nothing the case is about is tested.
    const bool goes_on = std::visit(
        [](const auto& k) {
          using K = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<K, HandshakeStep> || std::is_same_v<K, RenegotiateStep>) {
            return k.expect.kind == Expect::Kind::success || k.expect.kind == Expect::Kind::message;
          }
          return false;
        },
        s.kind);
    if (scripted == Role::server && peer.client_auth == ClientAuth::required && goes_on) {
      add({Requirement::Kind::client_certificate});
    }
  }
  return out;
}

Result<std::vector<Scenario>> load_family_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return decode_error(path + ": no such file");
  return parse(path, [&] { return YAML::LoadFile(path); });
}

Result<std::vector<Scenario>> load_family_text(const std::string& text, const std::string& name) {
  return parse(name, [&] { return YAML::Load(text); });
}

Result<std::vector<Scenario>> load_scenario_directory(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  if (ec) return decode_error(dir + ": " + ec.message());
  if (files.empty()) return decode_error(dir + ": no scenario files (*.yaml)");
  std::ranges::sort(files);
  std::vector<Scenario> all;
  std::map<std::string, SourceLine> seen;
  for (const auto& f : files) {
    auto family = load_family_file(f);
    if (!family) return family.error();
    for (auto& s : *family) {
      const auto [it, fresh] = seen.emplace(s.id(), s.where);
      if (!fresh) {
        return decode_error(s.where.to_string() + ": scenario " + s.id() + " is also defined at " +
                            it->second.to_string());
      }
      all.push_back(std::move(s));
    }
  }
  return all;
}

}  // namespace gauntlet::conformance
