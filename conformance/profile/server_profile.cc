#include "conformance/profile/server_profile.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "conformance/profile/probe_hello.h"
#include "conformance/profile/profile_names.h"
#include "engine/crypto/random.h"
#include "engine/messages/extensions/server_name.h"
#include "engine/messages/ssl2/probe.h"
#include "engine/messages/handshake/key_exchange_form.h"
#include "engine/messages/handshake/server_key_exchange.h"

namespace gauntlet::conformance {
namespace {

constexpr ProtocolVersion kTlsVersions[] = {ProtocolVersion::tls13, ProtocolVersion::tls12,
                                            ProtocolVersion::tls11, ProtocolVersion::tls10,
                                            ProtocolVersion::ssl3};

class Prober {
 public:
  Prober(Endpoint server, ProfileOptions options)
      : server_(std::move(server)), options_(std::move(options)) {}

  Result<Answer> ask(HelloQuestion q) {
    q.server_name = options_.server_name;
    return send(probe_record(q));
  }
  // RFC 6066 §3: no SNI for an address.
  bool sends_server_name() const {
    return !options_.server_name.empty() && !is_ip_literal(options_.server_name);
  }
  Result<Answer> ask_ssl2() {
    SystemRandom random;
    auto hello = ssl2_probe_client_hello(random.bytes(16));
    if (!hello) return hello.error();
    return send(*hello);
  }

 private:
  Result<Answer> send(ByteView record) {
    return conformance::ask(server_, record, net::deadline_in(options_.timeout));
  }
  Endpoint server_;
  ProfileOptions options_;
};

// The ServerHello of an answer, if it is one at `v` with a suite we offered.
const FirstFlight* accepted(const Answer& a, ProtocolVersion v, const std::vector<CipherSuite>& offered) {
  const auto* f = std::get_if<FirstFlight>(&a);
  if (!f || f->version() != v) return nullptr;
  if (std::ranges::find(offered, f->hello.cipher_suite) == offered.end()) return nullptr;
  return f;
}

// Offers every suite of `v`, then again without each one the server
// picked, until it picks none: its choices in its order of preference.
Result<VersionFinding> probe_version(Prober& p, ProtocolVersion v) {
  VersionFinding out{.offered = v};
  std::vector<CipherSuite> remaining = suites_for(v);
  auto answer = p.ask({.version = v, .suites = remaining});
  if (!answer) return answer.error();
  out.answer = describe(*answer);
  if (const auto* f = std::get_if<FirstFlight>(&*answer)) {
    out.answered = f->version();
    if (f->version() > v) out.answer += " (above the version offered, RFC 5246 E.1)";
  }
  out.silent_or_not_tls =
      std::holds_alternative<Silent>(*answer) || std::holds_alternative<NotTls>(*answer);
  while (const FirstFlight* f = accepted(*answer, v, remaining)) {
    out.spoken = true;
    out.suites.push_back(f->hello.cipher_suite);
    std::erase(remaining, f->hello.cipher_suite);
    if (remaining.empty()) break;
    answer = p.ask({.version = v, .suites = remaining});
    if (!answer) return answer.error();
  }
  // The same picks offered in reverse: a server that still picks its first
  // choice orders by its own preference (then `suites` is that order).
  if (out.suites.size() > 1) {
    const std::vector<CipherSuite> reversed(out.suites.rbegin(), out.suites.rend());
    answer = p.ask({.version = v, .suites = reversed});
    if (!answer) return answer.error();
    const FirstFlight* f = accepted(*answer, v, reversed);
    out.server_order = f && f->hello.cipher_suite == out.suites.front();
  }
  return out;
}

Result<VersionFinding> probe_ssl2(Prober& p) {
  VersionFinding out{.offered = ProtocolVersion::ssl2};
  auto answer = p.ask_ssl2();
  if (!answer) return answer.error();
  out.answer = describe(*answer);
  if (const auto* h = std::get_if<Ssl2Hello>(&*answer)) {
    out.spoken = true;
    out.kinds = h->summary.cipher_kinds;
    out.export_kinds = h->summary.export_kinds;
  }
  return out;
}

bool is_ecdhe(CipherSuite s) {
  const CipherSuiteInfo* info = cipher_suite_info(s);
  return info && (info->key_exchange == KeyExchange::ecdhe_rsa ||
                  info->key_exchange == KeyExchange::ecdhe_ecdsa);
}

// RFC 8422 §5.1: a server picks an ECDHE suite only for a curve the client
// offered, so offering one group at a time names the ones it has.
Status probe_ecdhe_groups(Prober& p, const VersionFinding& v, ServerProfile& out) {
  std::vector<CipherSuite> ecdhe;
  std::ranges::copy_if(v.suites, std::back_inserter(ecdhe), is_ecdhe);
  if (ecdhe.empty()) return ok_status();
  for (NamedGroup g : all_groups()) {
    if (is_ffdhe(g)) continue;
    auto answer = p.ask({.version = v.offered, .suites = ecdhe, .groups = {g}});
    if (!answer) return answer.error();
    if (accepted(*answer, v.offered, ecdhe)) out.ecdhe_groups.push_back(g);
  }
  return ok_status();
}

// RFC 8446 §4.1.1: a group the server can use is answered with a
// ServerHello (x25519, whose share we send) or a HelloRetryRequest naming it.
Status probe_tls13_groups(Prober& p, const VersionFinding& v, ServerProfile& out) {
  for (NamedGroup g : all_groups()) {
    auto answer = p.ask({.version = v.offered, .suites = v.suites, .groups = {g}});
    if (!answer) return answer.error();
    const FirstFlight* f = accepted(*answer, v.offered, v.suites);
    if (!f || !f->hello.extensions) continue;
    const auto* share = f->hello.extensions->get<ServerKeyShare>();
    const auto* retry = f->hello.extensions->get<KeyShareHelloRetry>();
    if ((share && share->share.group == g) || (retry && retry->selected_group == g)) {
      out.tls13_groups.push_back(g);
    }
  }
  return ok_status();
}

// RFC 5246 §7.4.1.4.1: the server signs with a scheme the client listed,
// so offering one at a time (and reading it back from ServerKeyExchange)
// names those its key can make.
Status probe_tls12_schemes(Prober& p, const VersionFinding& v, ServerProfile& out) {
  std::vector<CipherSuite> signed_suites;
  std::ranges::copy_if(v.suites, std::back_inserter(signed_suites), [](CipherSuite s) {
    const auto form = key_exchange_form(cipher_suite_info(s)->key_exchange);
    return form && *form != KeyExchangeForm::rsa;
  });
  if (signed_suites.empty()) return ok_status();
  for (SignatureScheme scheme : all_schemes()) {
    auto answer = p.ask({.version = v.offered, .suites = signed_suites, .schemes = {scheme}});
    if (!answer) return answer.error();
    const FirstFlight* f = accepted(*answer, v.offered, signed_suites);
    const HandshakeMessage* ske = f ? f->find(HandshakeType::server_key_exchange) : nullptr;
    if (!ske) continue;
    const auto form = key_exchange_form(cipher_suite_info(f->hello.cipher_suite)->key_exchange);
    auto parsed = ServerKeyExchange::parse(ske->body, *form, v.offered);
    if (parsed && parsed->signed_params.scheme == scheme) out.tls12_schemes.push_back(scheme);
  }
  return ok_status();
}

// Which of our optional extensions the server answers in its ServerHello,
// and whether its first flight asks for a certificate.
Status probe_extensions(Prober& p, const VersionFinding& v, ServerProfile& out) {
  out.extensions_at = v.offered;
  std::vector<std::vector<ExtensionType>> asks = {profiled_extensions(),
                                                  {ExtensionType::max_fragment_length}};
  // RFC 6066 §3: a server that used the name answers an empty server_name.
  if (p.sends_server_name()) asks.front().push_back(ExtensionType::server_name);
  for (const auto& offered : asks) {
    // DEFLATE offered too (RFC 3749): whether the server compresses.
    auto answer = p.ask({.version = v.offered,
                         .suites = v.suites,
                         .optional = offered,
                         .compression = {CompressionMethod::deflate, CompressionMethod::null}});
    if (!answer) return answer.error();
    const FirstFlight* f = accepted(*answer, v.offered, v.suites);
    if (!f) continue;
    out.extensions_asked.insert(out.extensions_asked.end(), offered.begin(), offered.end());
    out.requests_certificate |= f->has(HandshakeType::certificate_request);
    out.compresses |= f->hello.compression_method == CompressionMethod::deflate;
    if (!f->hello.extensions) continue;
    for (const Extension& e : f->hello.extensions->list) {
      if (std::ranges::find(offered, e.type) != offered.end()) out.extensions.push_back(e.type);
    }
  }
  return ok_status();
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

const VersionFinding* ServerProfile::find(ProtocolVersion v) const {
  auto it = std::ranges::find(versions, v, &VersionFinding::offered);
  return it == versions.end() ? nullptr : &*it;
}

bool ServerProfile::speaks(ProtocolVersion v) const {
  const VersionFinding* f = find(v);
  return f && f->spoken;
}

Result<ServerProfile> profile_server(const Endpoint& server, const ProfileOptions& options) {
  Prober p(server, options);
  ServerProfile out{.target = server.host + ":" + std::to_string(server.port)};
  for (ProtocolVersion v : kTlsVersions) {
    auto finding = probe_version(p, v);
    if (!finding) return finding.error();
    out.versions.push_back(std::move(finding).value());
    // A server silent or not speaking TLS to the first hello gets no more
    // probes, each of which would wait as long.
    if (v == kTlsVersions[0] && out.versions.back().silent_or_not_tls) {
      out.unusable = "it answered a TLS hello with " + out.versions.back().answer;
      return out;
    }
  }
  auto ssl2 = probe_ssl2(p);
  if (!ssl2) return ssl2.error();
  if (ssl2->spoken) ssl2->drown = probe_drown(server, options.server_name, ssl2->kinds, options.timeout);
  out.versions.push_back(std::move(ssl2).value());

  if (const VersionFinding* v13 = out.find(ProtocolVersion::tls13); v13 && v13->spoken) {
    if (auto st = probe_tls13_groups(p, *v13, out); !st) return st.error();
  }
  // The highest version below 1.3 carries the TLS 1.2-style questions: its
  // ServerHello is where those extensions are answered in the clear.
  auto below13 = std::ranges::find_if(out.versions, [](const VersionFinding& f) {
    return f.spoken && f.offered < ProtocolVersion::tls13 && f.offered >= ProtocolVersion::ssl3;
  });
  if (below13 != out.versions.end()) {
    const VersionFinding v = *below13;
    if (auto st = probe_ecdhe_groups(p, v, out); !st) return st.error();
    if (v.offered == ProtocolVersion::tls12) {
      if (auto st = probe_tls12_schemes(p, v, out); !st) return st.error();
    }
    if (v.offered >= ProtocolVersion::tls10) {
      if (auto st = probe_extensions(p, v, out); !st) return st.error();
    }
    out.sessions = probe_sessions(server, options.server_name, v.offered, v.suites, options.timeout,
                                  options.client_identity);
  }
  if (std::ranges::none_of(out.versions, &VersionFinding::spoken)) {
    out.unusable = "it completed no hello in any version (" + out.versions.front().answer + ")";
  }
  return out;
}

namespace {
std::string finding(const std::optional<bool>& accepted, const std::string& detail) {
  if (!accepted) return "not asked (no kind to ask with)";
  return std::string(*accepted ? "yes, a DROWN precondition" : "no") + " (" + detail + ")";
}

std::string drown_text(const DrownFindings& d) {
  return "    accepts a CLIENT-MASTER-KEY for a kind it did not list (CVE-2015-3197): " +
         finding(d.accepts_unoffered_kind, d.unoffered_detail) +
         "\n    accepts clear key bytes for a kind without them (CVE-2016-0703): " +
         finding(d.accepts_clear_key_bytes, d.clear_key_detail) + "\n";
}

}  // namespace

std::string to_text(const ServerProfile& p) {
  std::string out = "profile of " + p.target + "\n";
  if (p.unusable) out += "  unusable: " + *p.unusable + "\n";
  for (const VersionFinding& v : p.versions) {
    out += "  " + iana_name(v.offered) + ": ";
    if (!v.spoken) {
      out += "no (" + v.answer + ")\n";
    } else if (v.offered == ProtocolVersion::ssl2) {
      out += "yes; cipher kinds " + names(v.kinds) +
             (v.export_kinds ? " (export kinds: a DROWN precondition)" : "") + "\n";
      if (v.drown) out += drown_text(*v.drown);
    } else {
      out += std::string("yes; suites (") + (v.server_order ? "server's order" : "client's order") +
             ") " + names(v.suites) + "\n";
    }
  }
  if (p.speaks(ProtocolVersion::tls13)) out += "  TLS 1.3 groups: " + names(p.tls13_groups) + "\n";
  out += "  ECDHE groups (TLS 1.2 and below): " + names(p.ecdhe_groups) + "\n";
  if (p.speaks(ProtocolVersion::tls12)) {
    out += "  TLS 1.2 ServerKeyExchange signatures: " + names(p.tls12_schemes) + "\n";
  }
  if (p.extensions_at) {
    out += "  extensions answered at " + iana_name(*p.extensions_at) + ": " + names(p.extensions) +
           "\n  client certificate: " + (p.requests_certificate ? "requested" : "not requested") +
           "\n  DEFLATE compression: " + (p.compresses ? "chosen" : "not chosen") +
           "\n";
  }
  if (const auto& s = p.sessions) {
    out += "  with our client at " + iana_name(s->version) + ": ";
    if (s->failure) {
      out += "no handshake (" + *s->failure + ")\n";
    } else {
      out += iana_name(s->suite) + " (a full handshake in " + std::to_string(s->handshake_time.count()) +
             " ms)\n    resumes by session ID: " + yes_no(s->resumes_by_id) +
             "\n    tickets: " + (s->issues_tickets ? "issued" : "none") +
             (s->issues_tickets ? std::string(", resumed: ") + yes_no(s->resumes_by_ticket) : "") +
             "\n    client renegotiation: " + iana_name(s->renegotiation) +
             (s->renegotiation_detail.empty() ? "" : " (" + s->renegotiation_detail + ")") +
             "\n    application data: " + s->application_data +
             "\n    a second connection while one is open: " + (s->concurrent ? "served" : "not served") +
             "\n";
    }
  }
  return out;
}

std::string to_json(const ServerProfile& p) {
  nlohmann::json versions = nlohmann::json::array();
  for (const VersionFinding& v : p.versions) {
    nlohmann::json entry = {{"version", iana_name(v.offered)},
                            {"spoken", v.spoken},
                            {"answer", v.answer},
                            {"suites", name_array(v.suites)},
                            {"server_order", v.server_order}};
    if (v.offered == ProtocolVersion::ssl2) {
      entry["cipher_kinds"] = name_array(v.kinds);
      entry["export_kinds"] = v.export_kinds;
      if (v.drown) {
        entry["accepts_unoffered_kind"] = json_or_null(v.drown->accepts_unoffered_kind);
        entry["accepts_clear_key_bytes"] = json_or_null(v.drown->accepts_clear_key_bytes);
      }
    }
    versions.push_back(std::move(entry));
  }
  nlohmann::json out = {{"target", p.target},
                        {"versions", versions},
                        {"tls13_groups", name_array(p.tls13_groups)},
                        {"ecdhe_groups", name_array(p.ecdhe_groups)},
                        {"tls12_schemes", name_array(p.tls12_schemes)},
                        {"extensions_asked", name_array(p.extensions_asked)},
                        {"extensions", name_array(p.extensions)},
                        {"requests_certificate", p.requests_certificate},
                        {"compresses", p.compresses}};
  if (p.extensions_at) out["extensions_at"] = iana_name(*p.extensions_at);
  if (p.unusable) out["unusable"] = *p.unusable;
  if (const auto& s = p.sessions) {
    nlohmann::json j = {{"version", iana_name(s->version)}, {"suite", iana_name(s->suite)}};
    if (s->failure) {
      j["failure"] = *s->failure;
    } else {
      j.update({{"resumes_by_id", s->resumes_by_id},
                {"issues_tickets", s->issues_tickets},
                {"resumes_by_ticket", s->resumes_by_ticket},
                {"renegotiation", iana_name(s->renegotiation)},
                {"renegotiation_detail", s->renegotiation_detail},
                {"application_data", s->application_data},
                {"concurrent", s->concurrent},
                {"handshake_ms", s->handshake_time.count()}});
    }
    out["sessions"] = std::move(j);
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace gauntlet::conformance
