#include "conformance/scenario/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "conformance/scenario/suite_selectors.h"
#include "engine/connection/config_names.h"
#include "engine/registry/handshake_type.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet::conformance {

namespace {

// Thrown inside this file only, caught at its entry points: a mistake deep
// in a nested node unwinds to one place that turns it into an Error.
struct BadFile {
  std::string message;
};

// An expectation written as a mapping, {alert: name} or {message: name}, as
// opposed to a mapping of a step's own options.
bool is_expect_map(const YAML::Node& n) {
  return n.IsMap() && (n["alert"] || n["message"] || n["not_resumed"]);
}

class Parser {
 public:
  explicit Parser(std::string file) : file_(std::move(file)) {}

  std::vector<Scenario> family(const YAML::Node& root);

 private:
  [[noreturn]] void fail(const YAML::Node& n, const std::string& reason) const {
    throw BadFile{file_ + ":" + std::to_string(n.Mark().line + 1) + ": " + reason};
  }
  SourceLine where(const YAML::Node& n) const { return {file_, n.Mark().line + 1}; }

  void only_keys(const YAML::Node& map, std::initializer_list<std::string_view> keys) const;
  const YAML::Node& require_map(const YAML::Node& n, const std::string& what) const;
  std::string text(const YAML::Node& n) const;
  bool boolean(const YAML::Node& n) const;
  uint64_t integer(const YAML::Node& n, uint64_t max) const;
  Bytes hex(const YAML::Node& n) const;
  template <typename E>
  E named(const YAML::Node& n, std::optional<E> (*lookup)(std::string_view),
          const std::string& what) const;
  template <typename E>
  E wire_or_named(const YAML::Node& n, std::optional<E> (*lookup)(std::string_view),
                  const std::string& what, uint64_t max) const;

  Scenario scenario(const YAML::Node& n, const Scenario& family_defaults);
  std::vector<ProtocolVersion> versions(const YAML::Node& n) const;
  std::vector<CipherSuite> suites(const YAML::Node& n) const;
  SutSettings sut(const YAML::Node& n) const;
  PeerSettings peer(const YAML::Node& n) const;
  Bugs bugs(const YAML::Node& n) const;
  Step step(const YAML::Node& n) const;
  Expect expect(const YAML::Node& n) const;
  template <typename E>
  E config_name(const YAML::Node& n, Result<E> (*lookup)(std::string_view),
                const std::string& key) const;

  std::string file_;
};

void Parser::only_keys(const YAML::Node& map, std::initializer_list<std::string_view> keys) const {
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (std::ranges::find(keys, key) == keys.end()) {
      std::string allowed;
      for (const auto k : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
      fail(kv.first, "unknown key '" + key + "' (expected one of: " + allowed + ")");
    }
  }
}

const YAML::Node& Parser::require_map(const YAML::Node& n, const std::string& what) const {
  if (!n.IsMap()) fail(n, what + " must be a mapping");
  return n;
}

std::string Parser::text(const YAML::Node& n) const {
  if (!n.IsScalar()) fail(n, "expected a scalar value");
  return n.as<std::string>();
}

bool Parser::boolean(const YAML::Node& n) const {
  bool b = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b)) fail(n, "expected true or false");
  return b;
}

uint64_t Parser::integer(const YAML::Node& n, uint64_t max) const {
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

Bytes Parser::hex(const YAML::Node& n) const {
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

template <typename E>
E Parser::named(const YAML::Node& n, std::optional<E> (*lookup)(std::string_view),
                const std::string& what) const {
  const std::string s = text(n);
  const auto v = lookup(s);
  if (!v) fail(n, "unknown " + what + " '" + s + "'");
  return *v;
}

// A registry name, or a wire value for values the registry does not know.
template <typename E>
E Parser::wire_or_named(const YAML::Node& n, std::optional<E> (*lookup)(std::string_view),
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
E Parser::config_name(const YAML::Node& n, Result<E> (*lookup)(std::string_view),
                      const std::string& key) const {
  auto v = lookup(text(n));
  if (!v) fail(n, key + ": " + v.error().reason);
  return *v;
}

std::vector<Scenario> Parser::family(const YAML::Node& root) {
  require_map(root, "a family file");
  only_keys(root, {"family", "description", "rfc", "scenarios"});
  Scenario defaults;
  if (!root["family"]) fail(root, "missing 'family'");
  defaults.family = text(root["family"]);
  if (root["description"]) defaults.description = text(root["description"]);
  if (root["rfc"]) defaults.rfc = text(root["rfc"]);
  const YAML::Node list = root["scenarios"];
  if (!list || !list.IsSequence() || list.size() == 0) fail(root, "'scenarios' must be a non-empty list");
  std::vector<Scenario> out;
  std::set<std::string> names;
  for (const auto& n : list) {
    Scenario s = scenario(n, defaults);
    if (!names.insert(s.name).second) fail(n, "scenario '" + s.name + "' appears twice");
    out.push_back(std::move(s));
  }
  return out;
}

Scenario Parser::scenario(const YAML::Node& n, const Scenario& family_defaults) {
  require_map(n, "a scenario");
  only_keys(n, {"name", "description", "rfc", "scripted", "versions", "suites", "sut", "peer",
                "bugs", "steps", "same_response"});
  Scenario s = family_defaults;
  s.where = where(n);
  if (!n["name"]) fail(n, "scenario without a 'name'");
  s.name = text(n["name"]);
  if (s.name.empty() || s.name.find_first_of(" /[]") != std::string::npos) {
    fail(n["name"], "a scenario name is one word without '/', '[' or ']'");
  }
  if (n["description"]) s.description = text(n["description"]);
  if (s.description.empty()) fail(n, "scenario '" + s.name + "' has no description");
  if (n["rfc"]) s.rfc = text(n["rfc"]);
  if (s.rfc.empty()) fail(n, "scenario '" + s.name + "' names no RFC section");
  if (!n["scripted"]) fail(n, "missing 'scripted' (client or server: the role our side plays)");
  const std::string role = text(n["scripted"]);
  if (role != "client" && role != "server") fail(n["scripted"], "'scripted' is client or server");
  s.scripted = role == "client" ? Role::client : Role::server;
  s.versions = n["versions"] ? versions(n["versions"])
                             : std::vector{ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                           ProtocolVersion::tls11, ProtocolVersion::tls12};
  s.suites = suites(n["suites"] ? n["suites"] : YAML::Node("default"));
  if (n["sut"]) s.sut = sut(n["sut"]);
  if (n["peer"]) s.peer = peer(n["peer"]);
  if (n["bugs"]) s.bugs = bugs(n["bugs"]);
  if (n["same_response"]) s.same_response = text(n["same_response"]);
  const YAML::Node steps = n["steps"];
  if (!steps || !steps.IsSequence() || steps.size() == 0) fail(n, "'steps' must be a non-empty list");
  for (const auto& st : steps) s.steps.push_back(step(st));
  return s;
}

std::vector<ProtocolVersion> Parser::versions(const YAML::Node& n) const {
  if (!n.IsSequence() || n.size() == 0) fail(n, "'versions' must be a non-empty list");
  std::vector<ProtocolVersion> out;
  for (const auto& v : n) {
    const auto pv = named(v, &protocol_version_from_any_name, "version");
    if (pv < ProtocolVersion::ssl3 || pv > ProtocolVersion::tls12) {
      fail(v, "scenarios run SSL 3.0 to TLS 1.2");
    }
    out.push_back(pv);
  }
  return out;
}

std::vector<CipherSuite> Parser::suites(const YAML::Node& n) const {
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

SutSettings Parser::sut(const YAML::Node& n) const {
  require_map(n, "'sut'");
  only_keys(n, {"client_auth", "tickets", "renegotiation"});
  SutSettings s;
  if (n["client_auth"]) {
    s.client_auth = config_name(n["client_auth"], &client_auth_from_name, "client_auth");
  }
  if (n["tickets"]) s.tickets = boolean(n["tickets"]);
  if (n["renegotiation"]) {
    s.renegotiation =
        config_name(n["renegotiation"], &renegotiation_policy_from_name, "renegotiation");
    // The process targets have a switch for refusing and none for
    // renegotiating without RFC 5746, so no scenario may ask for it.
    if (s.renegotiation == RenegotiationPolicy::allow_insecure) {
      fail(n["renegotiation"], "renegotiation is refuse or secure");
    }
  }
  return s;
}

PeerSettings Parser::peer(const YAML::Node& n) const {
  require_map(n, "'peer'");
  only_keys(n, {"identity", "client_certificate", "client_auth", "min_version", "max_version", "extra_suites",
                "extended_master_secret", "encrypt_then_mac", "renegotiation_info", "tickets",
                "fallback_scsv", "sslv2_hello", "max_fragment_length", "record_size_limit",
                "server_name", "alpn", "groups", "signature_schemes"});
  PeerSettings p;
  if (n["identity"]) p.identity = text(n["identity"]);
  if (n["client_certificate"]) p.client_certificate = text(n["client_certificate"]);
  if (n["client_auth"]) {
    p.client_auth = config_name(n["client_auth"], &client_auth_from_name, "client_auth");
  }
  if (n["min_version"]) p.min_version = named(n["min_version"], &protocol_version_from_any_name, "version");
  if (n["max_version"]) p.max_version = named(n["max_version"], &protocol_version_from_any_name, "version");
  if (n["extra_suites"]) p.extra_suites = suites(n["extra_suites"]);
  if (n["extended_master_secret"]) p.extended_master_secret = boolean(n["extended_master_secret"]);
  if (n["encrypt_then_mac"]) p.encrypt_then_mac = boolean(n["encrypt_then_mac"]);
  if (n["renegotiation_info"]) p.renegotiation_info = boolean(n["renegotiation_info"]);
  if (n["tickets"]) p.tickets = boolean(n["tickets"]);
  if (n["fallback_scsv"]) p.fallback_scsv = boolean(n["fallback_scsv"]);
  if (n["sslv2_hello"]) p.sslv2_hello = boolean(n["sslv2_hello"]);
  if (n["max_fragment_length"]) {
    p.max_fragment_length = static_cast<uint8_t>(integer(n["max_fragment_length"], 4));
    if (*p.max_fragment_length == 0) fail(n["max_fragment_length"], "max_fragment_length is 1 to 4");
  }
  if (n["record_size_limit"]) {
    p.record_size_limit = static_cast<uint16_t>(integer(n["record_size_limit"], 16385));
    if (*p.record_size_limit < 64) fail(n["record_size_limit"], "record_size_limit is at least 64");
  }
  if (n["server_name"]) p.server_name = text(n["server_name"]);
  if (n["alpn"]) {
    for (const auto& a : n["alpn"]) p.alpn.push_back(text(a));
  }
  if (n["groups"]) {
    for (const auto& g : n["groups"]) p.groups.push_back(named(g, &named_group_from_name, "group"));
  }
  if (n["signature_schemes"]) {
    for (const auto& s : n["signature_schemes"]) {
      p.signature_schemes.push_back(named(s, &signature_scheme_from_name, "signature scheme"));
    }
  }
  return p;
}

Bugs Parser::bugs(const YAML::Node& n) const {
  require_map(n, "'bugs'");
  only_keys(n, {"client_version", "cipher_suites", "compression_methods", "session_id",
                "session_id_length", "server_version", "server_suite", "extra_extensions",
                "duplicate_extension", "rewrite_in_flight", "server_group", "server_signature_scheme",
                "premaster_version", "bad_premaster", "public_value", "skip_message",
                "duplicate_message", "early_change_cipher_spec", "trailing_byte_in",
                "truncated_message", "skip_change_cipher_spec", "change_cipher_spec_body",
                "offer_session_anyway",
                "corrupt_finished", "truncate_finished", "application_data_before_finished",
                "handshake_fragment", "coalesce_handshake", "record_version"});
  Bugs b;
  const auto u16 = [&](const char* key) { return static_cast<uint16_t>(integer(n[key], 0xffff)); };
  const auto flag = [&](const char* key) { return n[key] && boolean(n[key]); };
  if (n["client_version"]) b.client_version = u16("client_version");
  if (n["cipher_suites"]) {
    b.cipher_suites.emplace();
    for (const auto& s : n["cipher_suites"]) {
      b.cipher_suites->push_back(static_cast<uint16_t>(
          wire_or_named(s, &cipher_suite_from_name, "cipher suite", 0xffff)));
    }
  }
  if (n["compression_methods"]) {
    b.compression_methods.emplace();
    for (const auto& m : n["compression_methods"]) {
      b.compression_methods->push_back(static_cast<uint8_t>(integer(m, 0xff)));
    }
  }
  if (n["session_id"]) b.session_id = hex(n["session_id"]);
  if (n["session_id_length"]) {
    b.session_id = Bytes(integer(n["session_id_length"], 255), 0x5a);
  }
  if (n["server_version"]) b.server_version = u16("server_version");
  if (n["server_suite"]) {
    b.server_suite = static_cast<uint16_t>(
        wire_or_named(n["server_suite"], &cipher_suite_from_name, "cipher suite", 0xffff));
  }
  if (n["extra_extensions"]) {
    for (const auto& e : n["extra_extensions"]) {
      require_map(e, "an extension");
      only_keys(e, {"type", "body"});
      if (!e["type"]) fail(e, "an extension needs a 'type'");
      b.extra_extensions.emplace_back(static_cast<uint16_t>(integer(e["type"], 0xffff)),
                                      e["body"] ? hex(e["body"]) : Bytes{});
    }
  }
  b.duplicate_extension = flag("duplicate_extension");
  b.rewrite_in_flight = flag("rewrite_in_flight");
  if (n["server_group"]) b.server_group = named(n["server_group"], &named_group_from_name, "group");
  if (n["server_signature_scheme"]) {
    b.server_signature_scheme =
        named(n["server_signature_scheme"], &signature_scheme_from_name, "signature scheme");
  }
  if (n["premaster_version"]) b.premaster_version = u16("premaster_version");
  if (n["bad_premaster"]) {
    b.bad_premaster = config_name(n["bad_premaster"], &bad_premaster_from_name, "bad_premaster");
  }
  if (n["public_value"]) b.public_value = hex(n["public_value"]);
  const auto message = [&](const char* key) {
    return named(n[key], &handshake_type_from_name, "handshake message");
  };
  if (n["skip_message"]) b.skip_message = message("skip_message");
  if (n["duplicate_message"]) b.duplicate_message = message("duplicate_message");
  if (n["early_change_cipher_spec"]) b.early_change_cipher_spec = message("early_change_cipher_spec");
  if (n["trailing_byte_in"]) b.trailing_byte_in = message("trailing_byte_in");
  if (n["truncated_message"]) b.truncated_message = message("truncated_message");
  b.skip_change_cipher_spec = flag("skip_change_cipher_spec");
  if (n["change_cipher_spec_body"]) b.change_cipher_spec_body = hex(n["change_cipher_spec_body"]);
  b.offer_session_anyway = flag("offer_session_anyway");
  b.corrupt_finished = flag("corrupt_finished");
  b.truncate_finished = flag("truncate_finished");
  b.application_data_before_finished = flag("application_data_before_finished");
  if (n["handshake_fragment"]) {
    b.handshake_fragment = integer(n["handshake_fragment"], 1 << 14);
    if (b.handshake_fragment == 0) fail(n["handshake_fragment"], "handshake_fragment is at least 1");
  }
  b.coalesce_handshake = flag("coalesce_handshake");
  if (n["record_version"]) b.record_version = u16("record_version");
  return b;
}

Expect Parser::expect(const YAML::Node& n) const {
  static const std::map<std::string, Expect::Kind> kinds{
      {"success", Expect::Kind::success},   {"data", Expect::Kind::data},
      {"failure", Expect::Kind::failure},   {"close_notify", Expect::Kind::close_notify},
      {"nothing", Expect::Kind::nothing},   {"refused", Expect::Kind::refused},
      {"not_resumed", Expect::Kind::not_resumed}};
  Expect e;
  if (n.IsMap()) {
    only_keys(n, {"alert", "message", "not_resumed"});
    if (n["message"]) {
      e.kind = Expect::Kind::message;
      e.message = named(n["message"], &handshake_type_from_name, "handshake message");
      return e;
    }
    // One alert or a list, where the RFC leaves the choice.
    const auto alerts = [&](const YAML::Node& a) {
      std::vector<AlertDescription> out;
      if (!a.IsSequence()) return std::vector{named(a, &alert_description_from_name, "alert")};
      if (a.size() == 0) fail(a, "the list names no alert");
      for (const auto& x : a) out.push_back(named(x, &alert_description_from_name, "alert"));
      return out;
    };
    if (n["not_resumed"]) {
      e.kind = Expect::Kind::not_resumed;
      e.alerts = alerts(n["not_resumed"]);
      return e;
    }
    e.kind = Expect::Kind::alert;
    e.alerts = alerts(n["alert"]);
    return e;
  }
  const auto it = kinds.find(text(n));
  if (it == kinds.end()) {
    fail(n, "unknown expectation '" + text(n) +
                "' (success, data, failure, close_notify, nothing, refused, not_resumed or {alert: name})");
  }
  e.kind = it->second;
  if (e.kind == Expect::Kind::not_resumed) e.alerts = {AlertDescription::handshake_failure};
  return e;
}

Step Parser::step(const YAML::Node& n) const {
  if (!n.IsMap() || n.size() != 1) fail(n, "a step is a mapping with one key, the step's kind");
  const auto kv = *n.begin();
  const std::string kind = kv.first.as<std::string>();
  const YAML::Node& v = kv.second;
  Step s;
  s.where = where(n);
  // `{..., expect: X}` or a bare X, with a default when absent.
  const auto expectation = [&](const YAML::Node& body, Expect::Kind fallback) {
    if (body.IsMap() && body["expect"]) return expect(body["expect"]);
    if (body.IsScalar() || (is_expect_map(body) && body.size() == 1)) return expect(body);
    Expect e;
    e.kind = fallback;
    return e;
  };
  if (kind == "handshake") {
    s.kind = Step::Kind::handshake;
    if (v.IsMap() && !is_expect_map(v)) {
      only_keys(v, {"expect", "resumed"});
      if (v["resumed"]) s.expect.resumed = boolean(v["resumed"]);
    }
    const auto resumed = s.expect.resumed;
    s.expect = expectation(v, Expect::Kind::success);
    s.expect.resumed = resumed;
    if (resumed && s.expect.kind != Expect::Kind::success) fail(v, "'resumed' needs expect: success");
  } else if (kind == "exchange" || kind == "renegotiate" || kind == "wait") {
    s.kind = kind == "exchange" ? Step::Kind::exchange
             : kind == "renegotiate" ? Step::Kind::renegotiate : Step::Kind::wait;
    if (v.IsMap() && !is_expect_map(v)) only_keys(v, {"expect"});
    if (kind != "renegotiate" && v.IsScalar() && text(v) == "refused") {
      fail(v, "'refused' is for renegotiate steps");
    }
    // `renegotiate: start` sends the hello and goes on at once, so that the
    // next steps interleave with the new handshake (RFC 5246 §6).
    s.start_only = kind == "renegotiate" && v.IsScalar() && text(v) == "start";
    if (s.start_only) return s;
    s.expect = expectation(v, kind == "exchange" ? Expect::Kind::data
                              : kind == "renegotiate" ? Expect::Kind::success
                                                      : Expect::Kind::nothing);
  } else if (kind == "close") {
    s.kind = Step::Kind::close;
    if (v.IsMap() && !is_expect_map(v)) only_keys(v, {"expect"});
    s.expect = expectation(v, Expect::Kind::close_notify);
  } else if (kind == "send") {
    s.kind = Step::Kind::send;
    require_map(v, "'send'");
    only_keys(v, {"data", "hex", "expect"});
    if (v["data"]) {
      const std::string d = text(v["data"]);
      s.data.assign(d.begin(), d.end());
    } else if (v["hex"]) {
      s.data = hex(v["hex"]);
    } else {
      fail(v, "'send' needs 'data' or 'hex'");
    }
    s.expect = expectation(v, Expect::Kind::nothing);
  } else if (kind == "tamper") {
    s.kind = Step::Kind::tamper;
    require_map(v, "'tamper'");
    only_keys(v, {"record", "nth", "action"});
    if (!v["record"] || !v["action"]) fail(v, "'tamper' needs 'record' and 'action'");
    s.tamper.type = named(v["record"], &content_type_from_name, "content type");
    s.tamper.nth = v["nth"] ? static_cast<int>(integer(v["nth"], 1000)) : 0;
    s.tamper.action = config_name(v["action"], &tamper_action_from_name, "action");
  } else if (kind == "record") {
    s.kind = Step::Kind::record;
    require_map(v, "'record'");
    only_keys(v, {"type", "body", "data", "size", "fill", "raw", "version", "repeat", "expect"});
    if (!v["type"]) fail(v, "'record' needs a 'type'");
    s.record_type = wire_or_named(v["type"], &content_type_from_name, "content type", 0xff);
    if (v["body"]) s.data = hex(v["body"]);
    if (v["data"]) {
      const std::string d = text(v["data"]);
      s.data.assign(d.begin(), d.end());
    }
    if (v["size"]) {
      s.data.assign(integer(v["size"], 1 << 20),
                    static_cast<uint8_t>(v["fill"] ? integer(v["fill"], 0xff) : 0));
    }
    if (v["raw"]) s.raw = boolean(v["raw"]);
    if (v["version"]) s.record_version = static_cast<uint16_t>(integer(v["version"], 0xffff));
    if (s.record_version && !s.raw) fail(v, "'version' needs raw: true");
    if (s.data.size() > (s.raw ? 0xffff : 1 << 14)) {
      fail(v, "a record body holds at most 2^14 bytes, or 65535 when raw");
    }
    if (v["repeat"]) s.repeat = static_cast<int>(integer(v["repeat"], 10000));
    s.expect = expectation(v, Expect::Kind::nothing);
  } else if (kind == "alert") {
    s.kind = Step::Kind::alert;
    require_map(v, "'alert'");
    only_keys(v, {"level", "description", "repeat", "expect"});
    if (!v["description"]) fail(v, "'alert' needs a 'description'");
    s.alert_level = v["level"] ? static_cast<uint8_t>(wire_or_named(
                                     v["level"], &alert_level_from_name, "alert level", 0xff))
                               : 1;
    s.alert_description = static_cast<uint8_t>(
        wire_or_named(v["description"], &alert_description_from_name, "alert", 0xff));
    if (v["repeat"]) s.repeat = static_cast<int>(integer(v["repeat"], 10000));
    s.expect = expectation(v, Expect::Kind::nothing);
  } else if (kind == "reconnect") {
    s.kind = Step::Kind::reconnect;
    if (v.IsMap()) {
      only_keys(v, {"resume", "bugs", "suites", "min_version", "max_version", "extended_master_secret"});
      if (v["resume"]) s.resume = boolean(v["resume"]);
      if (v["bugs"]) s.bugs = bugs(v["bugs"]);
      if (v["suites"]) s.suites = suites(v["suites"]);
      if (v["min_version"]) s.min_version = named(v["min_version"], &protocol_version_from_any_name, "version");
      if (v["max_version"]) s.max_version = named(v["max_version"], &protocol_version_from_any_name, "version");
      if (v["extended_master_secret"]) s.extended_master_secret = boolean(v["extended_master_secret"]);
    } else if (!v.IsNull()) {
      fail(v, "'reconnect' takes nothing or {resume, bugs, suites, min_version, max_version, "
              "extended_master_secret}");
    }
  } else {
    fail(n, "unknown step '" + kind +
                "' (handshake, exchange, send, tamper, record, alert, renegotiate, reconnect, "
                "close, wait)");
  }
  return s;
}

Result<std::vector<Scenario>> parse(const std::string& name,
                                    const std::function<YAML::Node()>& load) {
  try {
    Parser p(name);
    return p.family(load());
  } catch (const BadFile& e) {
    return decode_error(e.message);
  } catch (const YAML::Exception& e) {
    return decode_error(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace

int Scenario::connections() const {
  return 1 + static_cast<int>(std::ranges::count_if(
                 steps, [](const Step& s) { return s.kind == Step::Kind::reconnect; }));
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
