#include "conformance/sut/peer_setup.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "conformance/profile/probe_hello.h"
#include "engine/connection/config_names.h"

namespace gauntlet::conformance {

namespace {

constexpr const char* kProfile = "profile";
constexpr const char* kDeclared = "--sut";

template <typename T>
void take(std::optional<Fact<T>>& mine, const std::optional<Fact<T>>& theirs) {
  if (theirs) mine = theirs;
}

template <typename T>
std::string said(const Fact<T>& f, const std::string& what) {
  return f.source + ": " + what + (f.detail.empty() ? "" : " (" + f.detail + ")");
}

Result<bool> on_off(std::string_view key, std::string_view v) {
  if (v == "on" || v == "yes" || v == "true") return true;
  if (v == "off" || v == "no" || v == "false") return false;
  return decode_error("--sut " + std::string(key) + "=" + std::string(v) + ": on or off");
}

Status set_on_off(std::string_view key, std::string_view v, const std::string& source,
                  std::optional<Fact<bool>>& into) {
  auto b = on_off(key, v);
  if (!b) return b.error();
  into = Fact<bool>{*b, source};
  return ok_status();
}

// A key whose two values are `yes` and `no`.
Status set_either(std::string_view key, std::string_view v, std::string_view yes, std::string_view no,
                  const std::string& source, std::optional<Fact<bool>>& into) {
  if (v != yes && v != no) {
    return decode_error("--sut " + std::string(key) + ": " + std::string(yes) + " or " + std::string(no));
  }
  into = Fact<bool>{v == yes, source};
  return ok_status();
}

// The short names a command line uses for extensions.
std::optional<ExtensionType> extension_key(std::string_view key) {
  static const std::map<std::string_view, ExtensionType> kShort = {
      {"alpn", ExtensionType::application_layer_protocol_negotiation},
      {"sni", ExtensionType::server_name},
      {"ems", ExtensionType::extended_master_secret},
      {"etm", ExtensionType::encrypt_then_mac},
      {"mfl", ExtensionType::max_fragment_length},
  };
  if (const auto it = kShort.find(key); it != kShort.end()) return it->second;
  std::string underscored(key);
  std::ranges::replace(underscored, '-', '_');
  return extension_type_from_name(underscored);
}

struct SetupKey {
  std::string_view key;
  Status (*set)(PeerSetup& s, std::string_view value, const std::string& source);
};

const SetupKey kKeys[] = {
    {"tickets", [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_on_off("tickets", v, source, s.tickets);
     }},
    {"renegotiation",
     [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_either("renegotiation", v, "allow", "refuse", source, s.renegotiation);
     }},
    {"client-cert",
     [](PeerSetup& s, std::string_view v, const std::string& source) -> Status {
       auto a = client_auth_from_name(v);
       if (!a) return decode_error("--sut client-cert: " + a.error().reason);
       s.client_auth = Fact<ClientAuth>{*a, source};
       return ok_status();
     }},
    {"connections",
     [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_either("connections", v, "many", "1", source, s.concurrent);
     }},
    {"highest",
     [](PeerSetup& s, std::string_view v, const std::string& source) -> Status {
       const auto version = protocol_version_from_any_name(v);
       if (!version) return decode_error("--sut highest: a version such as tls1.2");
       s.highest = Fact<ProtocolVersion>{*version, source};
       return ok_status();
     }},
    {"compression",
     [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_on_off("compression", v, source, s.compression);
     }},
    {"answers-data",
     [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_on_off("answers-data", v, source, s.answers_data);
     }},
    {"verifies-chain",
     [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_on_off("verifies-chain", v, source, s.verifies_chain);
     }},
    {"verifies-name",
     [](PeerSetup& s, std::string_view v, const std::string& source) {
       return set_on_off("verifies-name", v, source, s.verifies_name);
     }},
};

Status set_one(PeerSetup& s, std::string_view item, const std::string& source) {
  const size_t eq = item.find('=');
  if (eq == std::string_view::npos) return decode_error("--sut " + std::string(item) + ": KEY=VALUE");
  const std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
  for (const SetupKey& k : kKeys) {
    if (k.key == key) return k.set(s, value, source);
  }
  if (const auto e = extension_key(key)) {
    std::optional<Fact<bool>> fact;
    if (auto st = set_on_off(key, value, source, fact); !st) return st;
    s.extensions.insert_or_assign(*e, *fact);
    return ok_status();
  }
  std::string keys;
  for (const SetupKey& k : kKeys) keys += std::string(k.key) + ", ";
  return decode_error("--sut: unknown key '" + std::string(key) + "' (" + keys +
                      "or an extension's name)");
}

std::string trimmed(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r") - b + 1));
}

const char* role_name(Role r) { return r == Role::server ? "the server" : "the client"; }

}  // namespace

void PeerSetup::overlay(const PeerSetup& over) {
  take(tickets, over.tickets);
  take(renegotiation, over.renegotiation);
  take(client_auth, over.client_auth);
  take(concurrent, over.concurrent);
  take(highest, over.highest);
  take(compression, over.compression);
  take(answers_data, over.answers_data);
  take(verifies_chain, over.verifies_chain);
  take(verifies_name, over.verifies_name);
  for (const auto& [type, fact] : over.extensions) extensions.insert_or_assign(type, fact);
  for (const auto& [scheme, fact] : over.schemes) schemes.insert_or_assign(scheme, fact);
}

PeerSetup setup_from_profile(const ClientProfile& p) {
  PeerSetup s;
  if (p.unusable) return s;
  const auto offered = [&p](ExtensionType e) { return std::ranges::find(p.extensions, e) != p.extensions.end(); };
  const auto in_hello = [](bool yes) { return std::string("in its ClientHello: ") + (yes ? "yes" : "no"); };
  s.highest = Fact<ProtocolVersion>{p.highest(), kProfile};
  s.tickets = Fact<bool>{p.offers_tickets, kProfile, in_hello(p.offers_tickets)};
  s.compression = Fact<bool>{p.compression, kProfile};
  // The extensions a scenario can require of a client (scenario/requirement.h).
  for (ExtensionType e : {ExtensionType::server_name, ExtensionType::max_fragment_length,
                          ExtensionType::status_request, ExtensionType::heartbeat,
                          ExtensionType::application_layer_protocol_negotiation,
                          ExtensionType::encrypt_then_mac, ExtensionType::extended_master_secret,
                          ExtensionType::record_size_limit, ExtensionType::session_ticket,
                          ExtensionType::renegotiation_info}) {
    s.extensions.insert_or_assign(e, Fact<bool>{offered(e), kProfile, in_hello(offered(e))});
  }
  if (p.renegotiates) s.renegotiation = Fact<bool>{*p.renegotiates, kProfile, p.renegotiation_detail};
  // None at any version probed; one sent at some versions only is the
  // feature scan's to weigh per case (runner/feature_scan.h).
  if (!p.sends_certificate.empty() &&
      std::ranges::none_of(p.sends_certificate, [](const auto& kv) { return kv.second; })) {
    s.client_auth = Fact<ClientAuth>{ClientAuth::none, kProfile};
  }
  // RFC 5246 §7.4.1.4.1: a server signs only with a scheme the client offered.
  if (!p.schemes.empty()) {
    for (SignatureScheme scheme : all_schemes()) {
      const bool offers = std::ranges::find(p.schemes, scheme) != p.schemes.end();
      s.schemes.insert_or_assign(scheme, Fact<bool>{offers, kProfile, in_hello(offers)});
    }
  }
  if (p.verifies_chain) s.verifies_chain = Fact<bool>{*p.verifies_chain, kProfile, p.verify_detail};
  if (p.verifies_name) s.verifies_name = Fact<bool>{*p.verifies_name, kProfile, p.name_detail};
  return s;
}

PeerSetup setup_from_profile(const ServerProfile& p) {
  PeerSetup s;
  const auto spoken = std::ranges::find_if(p.versions, [](const VersionFinding& v) {
    return v.spoken && v.offered != ProtocolVersion::ssl2;
  });
  // Versions are probed from the highest down.
  if (spoken != p.versions.end()) s.highest = Fact<ProtocolVersion>{spoken->offered, kProfile};
  if (p.extensions_at) {
    for (ExtensionType e : p.extensions_asked) {
      s.extensions.insert_or_assign(
          e, Fact<bool>{std::ranges::find(p.extensions, e) != p.extensions.end(), kProfile,
                        "answered at " + iana_name(*p.extensions_at) + ": " +
                            (std::ranges::find(p.extensions, e) != p.extensions.end() ? "yes" : "no")});
    }
    s.compression = Fact<bool>{p.compresses, kProfile};
  }
  // RFC 5246 §7.4.1.4.1: one scheme offered at a time, each it signed with.
  if (!p.tls12_schemes.empty()) {
    for (SignatureScheme scheme : all_schemes()) {
      s.schemes.insert_or_assign(
          scheme, Fact<bool>{std::ranges::find(p.tls12_schemes, scheme) != p.tls12_schemes.end(),
                             kProfile});
    }
  }
  const SessionFindings* f = p.sessions && !p.sessions->failure ? &*p.sessions : nullptr;
  if (p.extensions_at) {
    // A request it completed a handshake past without a certificate is
    // optional; one it did not complete past may be required.
    if (!p.requests_certificate) {
      s.client_auth = Fact<ClientAuth>{ClientAuth::none, kProfile};
    } else if (p.sessions) {
      s.client_auth = Fact<ClientAuth>{f ? ClientAuth::optional : ClientAuth::required, kProfile};
    }
  }
  if (!f) return s;
  s.tickets = Fact<bool>{f->issues_tickets, kProfile};
  s.renegotiation =
      Fact<bool>{f->renegotiation == RenegotiationAnswer::completed, kProfile,
                 iana_name(f->renegotiation) +
                     (f->renegotiation_detail.empty() ? "" : ", " + f->renegotiation_detail)};
  s.concurrent = Fact<bool>{f->concurrent, kProfile};
  // session_probe.cc's findings; anything else (no handshake, could not
  // send) leaves it unknown.
  const std::string& data = f->application_data;
  if (data == "echoed" || data.starts_with("answered")) {
    s.answers_data = Fact<bool>{true, kProfile, data};
  } else if (data == "no answer" || data == "closed without an answer") {
    s.answers_data = Fact<bool>{false, kProfile, data};
  }
  return s;
}

bool stated_to_require_certificate(const PeerSetup& s) {
  return s.client_auth && s.client_auth->source == kDeclared &&
         s.client_auth->value == ClientAuth::required;
}

Result<PeerSetup> parse_setup(std::string_view text, const std::string& source) {
  PeerSetup s;
  std::stringstream in{std::string(text)};
  for (std::string item; std::getline(in, item, ',');) {
    if (const std::string t = trimmed(item); !t.empty()) {
      if (auto st = set_one(s, t, source); !st) return st.error();
    }
  }
  return s;
}

Result<PeerSetup> load_setup(const std::string& arg) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(arg, ec)) return parse_setup(arg);
  std::ifstream in(arg);
  std::string list, line;
  while (std::getline(in, line)) list += line.substr(0, line.find('#')) + ",";
  auto s = parse_setup(list);
  if (!s) return decode_error(arg + ": " + s.error().reason);
  return s;
}

std::optional<std::string> unmet(const Requirement& r, const PeerSetup& s, Role sut_role) {
  const std::string who = role_name(sut_role);
  switch (r.kind) {
    case Requirement::Kind::tickets:
      if (s.tickets && !s.tickets->value) {
        return said(*s.tickets, who + (sut_role == Role::server ? " issues" : " offers") +
                                    " no session tickets");
      }
      return std::nullopt;
    case Requirement::Kind::renegotiation:
      if (s.renegotiation && !s.renegotiation->value) {
        return said(*s.renegotiation,
                    who + " does not complete a " +
                        (sut_role == Role::server ? "client" : "server") + " renegotiation");
      }
      return std::nullopt;
    case Requirement::Kind::client_certificate:
      if (sut_role == Role::client && s.client_auth && s.client_auth->value == ClientAuth::none) {
        return said(*s.client_auth, "the client sends no certificate when asked");
      }
      return std::nullopt;
    case Requirement::Kind::extension:
      if (const auto it = s.extensions.find(r.extension); it != s.extensions.end() && !it->second.value) {
        return said(it->second, who + " does not implement " + iana_name(r.extension));
      }
      return std::nullopt;
    case Requirement::Kind::signature_scheme:
      if (const auto it = s.schemes.find(r.scheme); it != s.schemes.end() && !it->second.value) {
        return said(it->second, who + (sut_role == Role::server ? " does not sign a TLS 1.2 key exchange with "
                                                                : " does not offer ") +
                                    iana_name(r.scheme));
      }
      return std::nullopt;
    case Requirement::Kind::verifies_chain:
      if (sut_role == Role::client && s.verifies_chain && !s.verifies_chain->value) {
        return said(*s.verifies_chain, "the client does not refuse a server chain it cannot verify");
      }
      return std::nullopt;
    case Requirement::Kind::verifies_name:
      if (sut_role == Role::client && s.verifies_name && !s.verifies_name->value) {
        return said(*s.verifies_name, "the client does not check the server's name");
      }
      return std::nullopt;
    case Requirement::Kind::application_data:
      if (sut_role == Role::server && s.answers_data && !s.answers_data->value) {
        return said(*s.answers_data, "the server answers no application data");
      }
      return std::nullopt;
    case Requirement::Kind::highest_version:
      if (sut_role == Role::server && s.highest && s.highest->value != r.version) {
        return said(*s.highest, "the scenario assumes the server's highest version is " +
                                    iana_name(r.version) + "; it is " + iana_name(s.highest->value));
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> lacks(const Scenario& scenario, const PeerSetup& s) {
  const Role sut = scenario.scripted == Role::client ? Role::server : Role::client;
  for (const Requirement& r : scenario.requirements()) {
    if (auto why = unmet(r, s, sut)) return why;
  }
  return std::nullopt;
}

std::optional<std::string> setup_conflict(const SutSettings& needed, const PeerSetup& s) {
  // Only the user can say a server is set up as a scenario needs: a
  // profile cannot tell whether it trusts our client certificates.
  auto declared = [](const auto& fact, auto value) {
    return fact && fact->source == kDeclared && fact->value == value;
  };
  const std::string unknown =
      "the scenario configures its SUT, and this one is not ours to configure (unless --sut "
      "states it is set up so: ";
  if (needed.client_auth != ClientAuth::none && !declared(s.client_auth, needed.client_auth)) {
    return unknown + "client-cert=" + name_of(needed.client_auth) + ")";
  }
  // Stated, our client offers the test PKI's certificate (PeerFacts).
  if (needed.client_auth == ClientAuth::none && s.client_auth &&
      s.client_auth->value == ClientAuth::required && s.client_auth->source != kDeclared) {
    return said(*s.client_auth, "the server requires a client certificate, and the scenario "
                                "offers none (--sut client-cert=required: offer the test PKI's)");
  }
  if (!needed.tickets && !declared(s.tickets, false)) return unknown + "tickets=off)";
  if (needed.hello_retry) {
    return "the scenario needs a server that sends a cookie in a HelloRetryRequest, which no "
           "--sut statement says";
  }
  if (needed.renegotiation == RenegotiationPolicy::refuse && !declared(s.renegotiation, false)) {
    return unknown + "renegotiation=refuse)";
  }
  return std::nullopt;
}

}  // namespace gauntlet::conformance
