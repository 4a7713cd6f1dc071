#include "conformance/runner/scripted_config.h"

#include "engine/connection/config_builder.h"

namespace gauntlet::conformance {

Result<std::shared_ptr<Config>> scripted_config(const Case& c, const Pki& pki,
                                                const PeerFacts& facts,
                                                std::function<void(std::string_view)> keylog) {
  const Scenario& s = *c.scenario;
  const PeerSettings& p = s.peer;
  // An SSL 2.0 case offers its kind; the suites matter only to a peer whose
  // range reaches SSL 3.0 and that is answered in TLS.
  std::vector<CipherSuite> suites =
      c.ssl2_kind ? all_engine_cipher_suites() : std::vector<CipherSuite>{c.suite};
  suites.insert(suites.end(), p.extra_suites.begin(), p.extra_suites.end());
  ConfigBuilder b;
  b.versions(p.min_version.value_or(c.version), p.max_version.value_or(c.version))
      .cipher_suites(std::move(suites))
      .deterministic_random(std::hash<std::string>{}(c.id()) ^ 0x5c)
      .alpn(p.alpn)
      // The script decides when to renegotiate; our side never refuses.
      .renegotiation(RenegotiationPolicy::allow_insecure)
      .keylog(std::move(keylog));
  if (facts.fixed_clock) b.fixed_clock(kScenarioTime);
  if (facts.verify) {
    auto trust = pki.trust(facts.ca_file.empty() ? pki.root() : facts.ca_file);
    if (!trust) return trust.error();
    b.trust(std::move(trust).value());
  }
  const bool client_auth_unset = s.sut.client_auth == ClientAuth::none && p.client_certificate.empty();
  const std::string identity = s.scripted == Role::server
                                   ? (p.identity.empty() ? identity_for(c.suite) : p.identity)
                                   : (client_auth_unset ? facts.client_certificate : p.client_certificate);
  if (!identity.empty()) {
    auto id = pki.identity(identity);
    if (!id) return id.error();
    b.identity(std::move(id).value());
  }
  if (s.scripted == Role::server) {
    b.client_auth(p.client_auth).session_cache();
    if (p.tickets) b.ticket_keys();
  }
  auto built = b.build();
  if (!built) return built.error();
  Config& config = **built;
  if (!p.groups.empty()) config.groups = p.groups;
  if (!p.signature_schemes.empty()) config.signature_schemes = p.signature_schemes;
  if (p.psk_modes) config.psk_modes = *p.psk_modes;
  config.offer_tickets = p.tickets;
  config.secure_renegotiation = p.renegotiation_info;
  config.extended_master_secret = p.extended_master_secret;
  config.encrypt_then_mac = p.encrypt_then_mac;
  config.record_size_limit = p.record_size_limit;
  config.max_fragment_length = p.max_fragment_length;
  config.send_fallback_scsv = p.fallback_scsv;
  config.ssl2_compatible_hello = p.sslv2_hello;
  config.middlebox_compat = p.middlebox_compat;
  config.tls13_padding = p.tls13_padding;
  config.always_hello_retry = p.hello_retry;
  config.max_early_data = p.max_early_data;
  config.hello_retry_cookie = p.retry_cookie;
  config.bugs = s.bugs;
  if (c.ssl2_kind) {
    config.ssl2_cipher_kinds = {*c.ssl2_kind};
    if (facts.verify && facts.ca_file.empty()) {
      auto trust = ssl2_trust(pki);
      if (!trust) return trust.error();
      config.trust = std::move(trust).value();
    }
  }
  return built;
}

}  // namespace gauntlet::conformance
