#include "conformance/runner/scripted_config.h"

namespace gauntlet::conformance {

Result<std::shared_ptr<Config>> scripted_config(const Case& c, const Pki& pki,
                                                const PeerFacts& facts,
                                                std::function<void(std::string_view)> keylog) {
  const Scenario& s = *c.scenario;
  const PeerSettings& p = s.peer;
  auto config = std::make_shared<Config>();
  config->min_version = p.min_version.value_or(c.version);
  config->max_version = p.max_version.value_or(c.version);
  config->cipher_suites = {c.suite};
  config->cipher_suites.insert(config->cipher_suites.end(), p.extra_suites.begin(),
                               p.extra_suites.end());
  if (!p.groups.empty()) config->groups = p.groups;
  if (!p.signature_schemes.empty()) config->signature_schemes = p.signature_schemes;
  config->random = std::make_shared<DeterministicRandom>(std::hash<std::string>{}(c.id()) ^ 0x5c);
  if (facts.fixed_clock) {
    config->clock = std::make_shared<FixedClock>(kScenarioTime);
  } else {
    config->clock = std::make_shared<SystemClock>();
  }
  if (facts.verify) {
    auto trust = std::make_shared<TrustStore>();
    if (auto st = trust->add_file(facts.ca_file.empty() ? pki.root() : facts.ca_file); !st) {
      return st.error();
    }
    config->trust = trust;
  }
  const std::string identity = s.scripted == Role::server
                                   ? (p.identity.empty() ? identity_for(c.suite) : p.identity)
                                   : p.client_certificate;
  if (!identity.empty()) {
    auto id = load_identity(pki.chain(identity), pki.key(identity));
    if (!id) return id.error();
    config->identities.push_back(std::move(id).value());
  }
  if (s.scripted == Role::server) {
    config->client_auth = p.client_auth;
    config->session_cache = std::make_shared<SessionCache>();
    if (p.tickets) {
      config->ticket_keys = std::make_shared<TicketKeys>(TicketKey::generate(*config->random));
    }
  }
  config->offer_tickets = p.tickets;
  config->alpn = p.alpn;
  // The script decides when to renegotiate; our side never refuses.
  config->renegotiation = RenegotiationPolicy::allow_insecure;
  config->secure_renegotiation = p.renegotiation_info;
  config->extended_master_secret = p.extended_master_secret;
  config->encrypt_then_mac = p.encrypt_then_mac;
  config->record_size_limit = p.record_size_limit;
  config->max_fragment_length = p.max_fragment_length;
  config->send_fallback_scsv = p.fallback_scsv;
  config->ssl2_compatible_hello = p.sslv2_hello;
  config->bugs = s.bugs;
  config->keylog = std::move(keylog);
  return config;
}

}  // namespace gauntlet::conformance
