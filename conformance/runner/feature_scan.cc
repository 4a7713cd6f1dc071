#include "conformance/runner/feature_scan.h"

#include <algorithm>

#include "conformance/runner/executor.h"
#include "conformance/targets/process_target.h"
#include "engine/messages/decode/field.h"

namespace gauntlet::conformance {

namespace {

// A TLS record header (RFC 5246 §6.2.1): a content type we know and a
// major version of 3. Anything else is not a TLS peer at all.
bool looks_like_tls(ByteView bytes) {
  if (bytes.empty() || bytes[0] < 20 || bytes[0] > 24) return false;
  return bytes.size() < 2 || bytes[1] == 3;
}

std::string hex_prefix(ByteView bytes) {
  return hex_string(bytes.first(std::min<size_t>(bytes.size(), 16))) + (bytes.size() > 16 ? "..." : "");
}

}  // namespace

ScannedTarget::ScannedTarget(std::unique_ptr<Target> inner, Pki pki, std::chrono::milliseconds timeout,
                             std::optional<ServerProfile> profile, const PeerSetup& declared)
    : inner_(std::move(inner)), pki_(std::move(pki)), timeout_(timeout), profile_(std::move(profile)) {
  if (profile_) setup_ = setup_from_profile(*profile_);
  setup_.overlay(declared);
  if (profile_ && profile_->unusable) dead_ = name() + ": " + *profile_->unusable;
}

ScannedTarget::ScannedTarget(std::unique_ptr<Target> inner, Pki pki, std::chrono::milliseconds timeout,
                             ClientProfile client, const PeerSetup& declared)
    : inner_(std::move(inner)), pki_(std::move(pki)), timeout_(timeout), client_(std::move(client)) {
  setup_ = setup_from_profile(*client_);
  setup_.overlay(declared);
  if (client_->unusable) dead_ = name() + ": " + *client_->unusable;
}

std::optional<std::string> ScannedTarget::client_lacks(const Case& c) const {
  if (!client_ || client_->unusable || c.ssl2_kind) return std::nullopt;
  if (std::ranges::find(client_->suites, c.suite) == client_->suites.end()) {
    return "profile: the client does not offer " + c.cipher_name();
  }
  // A case about version negotiation is judged whatever the client offers.
  if (!c.scenario->negotiates_version && c.version > client_->highest()) {
    return "profile: the client offers at most " + iana_name(client_->highest());
  }
  // A client that closes its connection right after the handshake and
  // connects again (`s_client -reconnect` does so five times) is judged
  // on handshakes only: a case that resumes on its second connection can
  // be, one with steps after a handshake cannot.
  const bool reconnects = client_->reconnects.value_or(false);
  if (auto why = client_cannot_reconnect("the client command",
                                         reconnects ? ClientReconnects::resume_once : ClientReconnects::never,
                                         *c.scenario)) {
    return "profile: " + *why;
  }
  if (reconnects && !std::ranges::all_of(c.scenario->steps, [](const Step& s) {
        return s.is<HandshakeStep>() || s.is<ReconnectStep>();
      })) {
    return "profile: the client closes its connection right after the handshake and connects again, "
           "so the steps after a handshake cannot be judged";
  }
  // Our Finished sent twice: the copy comes after the client's handshake
  // is over, when such a client has already sent close_notify.
  if (reconnects && c.scenario->bugs.duplicate_message == HandshakeType::finished) {
    return "profile: the client closes its connection right after the handshake and connects again, "
           "before a second Finished reaches it";
  }
  const auto needs = c.scenario->requirements();
  if (client_->sends_certificate_at(c.version) == false &&
      std::ranges::find(needs, Requirement{Requirement::Kind::client_certificate}) != needs.end()) {
    return "profile: the client sends no certificate when asked at " + iana_name(c.version);
  }
  return std::nullopt;
}

PeerFacts ScannedTarget::facts() const {
  PeerFacts f = inner_->facts();
  // A server stated to require a client certificate gets the test PKI's
  // in every scenario that sets up no client authentication of its own.
  if (stated_to_require_certificate(setup_)) {
    f.client_certificate = kDefaultClientCertificate;
  }
  f.answers_data = setup_.answers_data && setup_.answers_data->value;
  return f;
}

std::optional<std::string> ScannedTarget::one_at_a_time() const {
  if (!setup_.concurrent || setup_.concurrent->value) return std::nullopt;
  return setup_.concurrent->source + ": it serves one connection at a time";
}

std::optional<std::string> ScannedTarget::cannot_run(const Case& c) const {
  if (auto why = inner_->cannot_run(c)) return why;
  if (c.scenario->scripted == Role::client) {
    if (auto why = setup_conflict(c.scenario->sut, setup_)) return why;
  } else if (c.scenario->sut != SutSettings{}) {
    return std::string("the scenario configures its SUT, and this one is not ours to configure");
  }
  if (auto why = lacks(*c.scenario, setup_)) return why;
  if (auto why = client_lacks(c)) return why;
  // A version the peer refuses, or answers with another, is what a case
  // testing version negotiation judges (RFC 5246 E.1), not a reason to
  // skip it: its suite is scanned at the highest version that has it
  // (TLS 1.3's suites exist only there, the others end at TLS 1.2).
  const ProtocolVersion version =
      !c.scenario->negotiates_version || c.version == ProtocolVersion::tls13 ? c.version
                                                                             : ProtocolVersion::tls12;
  if (const VersionFinding* v = profile_ ? profile_->find(version) : nullptr; v && !v->spoken) {
    // RFC 5246 E.1: a server answers a lower hello with that version or
    // refuses it. Answering with another is the deviation a case judges.
    if (v->answered && *v->answered != version) return std::nullopt;
    return "profile: " + openssl_name(version) + " refused (" + v->answer + ")";
  }
  // SSL 2.0: the profile's SERVER-HELLO listed the kinds it has.
  if (const VersionFinding* v = profile_ ? profile_->find(c.version) : nullptr;
      v && c.needs_ssl2()) {
    if (std::ranges::find(v->kinds, *c.ssl2_kind) != v->kinds.end()) return std::nullopt;
    return "profile: the server's SERVER-HELLO does not list " + c.cipher_name();
  }
  const Case scanned{c.scenario, version, c.suite, c.ssl2_kind};
  const auto key = std::pair{version, c.cipher_name()};
  {
    std::lock_guard lock(mu_);
    if (dead_) return std::nullopt;  // start() reports it
    if (const auto it = speaks_.find(key); it != speaks_.end()) {
      if (it->second.empty()) return std::nullopt;
      return scan_failure(scanned, it->second);
    }
  }
  // The scan's own case: a plain handshake and nothing else.
  Scenario plain;
  plain.family = "scan";
  plain.name = "plain-handshake";
  plain.description = "feature scan";
  plain.rfc = "RFC 5246 §7.3";
  plain.scripted = c.scenario->scripted;
  plain.peer.client_certificate = facts().client_certificate;  // a server stated to require one
  plain.steps.push_back({});
  plain.steps.back().where = {"feature scan", 1};
  RunSettings settings;
  settings.pki = pki_;
  settings.timeout = timeout_;
  const CaseResult r = run_case({&plain, version, c.suite, c.ssl2_kind}, *inner_, settings);
  const auto answer = std::ranges::find_if(r.wire, [](const WireChunk& w) { return !w.to_sut; });
  std::lock_guard lock(mu_);
  // A peer that cannot be reached, says nothing or answers with something
  // that is not TLS is an error for every case, not a missing feature.
  if (answer == r.wire.end()) {
    dead_ = name() + " did not answer a plain handshake: " + r.reason;
    return std::nullopt;
  }
  // An SSL 2.0 peer's records have no TLS header (SSL 2.0 spec §1.1).
  if (!c.ssl2_kind && !looks_like_tls(answer->bytes)) {
    dead_ = name() + " answered a plain handshake with bytes that are not TLS: " +
            hex_prefix(answer->bytes);
    return std::nullopt;
  }
  speaks_[key] = r.verdict == Verdict::pass ? "" : r.response.empty() ? r.reason : r.response;
  if (speaks_[key].empty()) return std::nullopt;
  return scan_failure(scanned, speaks_[key]);
}

Result<std::unique_ptr<SutInstance>> ScannedTarget::start(const Case& c, net::Deadline deadline) const {
  {
    std::lock_guard lock(mu_);
    if (dead_) return internal_error(*dead_);
  }
  return inner_->start(c, deadline);
}

std::optional<std::string> ScannedTarget::unusable() const {
  std::lock_guard lock(mu_);
  if (dead_) return dead_;
  if (speaks_.empty() || std::ranges::any_of(speaks_, [](const auto& kv) { return kv.second.empty(); })) {
    return std::nullopt;
  }
  return name() + " completed no plain handshake with any of the " +
         std::to_string(speaks_.size()) + " versions and suites the feature scan tried";
}

std::string ScannedTarget::scan_failure(const Case& c, const std::string& saw) {
  return "feature scan: no plain " + openssl_name(c.version) + " handshake with " + c.cipher_name() +
         " (saw " + saw + ")";
}

}  // namespace gauntlet::conformance
