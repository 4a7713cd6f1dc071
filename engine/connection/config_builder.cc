#include "engine/connection/config_builder.h"

#include <utility>

namespace gauntlet {

ConfigBuilder& ConfigBuilder::versions(ProtocolVersion min, ProtocolVersion max) {
  config_.min_version = min;
  config_.max_version = max;
  return *this;
}

ConfigBuilder& ConfigBuilder::cipher_suites(std::vector<CipherSuite> suites) {
  config_.cipher_suites = std::move(suites);
  return *this;
}

ConfigBuilder& ConfigBuilder::identity(Identity id) {
  config_.identities.push_back(std::move(id));
  return *this;
}

ConfigBuilder& ConfigBuilder::identities(std::vector<Identity> ids) {
  for (Identity& id : ids) config_.identities.push_back(std::move(id));
  return *this;
}

ConfigBuilder& ConfigBuilder::identity_files(const std::string& chain_file,
                                             const std::string& key_file) {
  auto id = load_identity(chain_file, key_file);
  if (!id) {
    keep_first(id.error());
  } else {
    config_.identities.push_back(std::move(id).value());
  }
  return *this;
}

ConfigBuilder& ConfigBuilder::trust_file(const std::string& ca_file) {
  auto trust = std::make_shared<TrustStore>();
  if (auto st = trust->add_file(ca_file); !st) {
    keep_first(st.error());
  } else {
    config_.trust = std::move(trust);
  }
  return *this;
}

ConfigBuilder& ConfigBuilder::trust(std::shared_ptr<const TrustStore> anchors) {
  config_.trust = std::move(anchors);
  return *this;
}

ConfigBuilder& ConfigBuilder::session_cache() {
  config_.session_cache = std::make_shared<SessionCache>();
  return *this;
}

ConfigBuilder& ConfigBuilder::session_cache(size_t capacity) {
  config_.session_cache = std::make_shared<SessionCache>(capacity);
  return *this;
}

ConfigBuilder& ConfigBuilder::ticket_store() {
  config_.ticket_store = std::make_shared<SessionCache>();
  return *this;
}

ConfigBuilder& ConfigBuilder::ticket_store(size_t capacity) {
  config_.ticket_store = std::make_shared<SessionCache>(capacity);
  return *this;
}

ConfigBuilder& ConfigBuilder::ticket_keys() {
  ticket_keys_ = true;
  return *this;
}

ConfigBuilder& ConfigBuilder::deterministic_random(uint64_t seed) {
  config_.random = std::make_shared<DeterministicRandom>(seed);
  return *this;
}

ConfigBuilder& ConfigBuilder::fixed_clock(int64_t now) {
  config_.clock = std::make_shared<FixedClock>(now);
  return *this;
}

ConfigBuilder& ConfigBuilder::client_auth(ClientAuth policy) {
  config_.client_auth = policy;
  return *this;
}

ConfigBuilder& ConfigBuilder::renegotiation(RenegotiationPolicy policy) {
  config_.renegotiation = policy;
  return *this;
}

ConfigBuilder& ConfigBuilder::alpn(std::vector<std::string> protocols) {
  config_.alpn = std::move(protocols);
  return *this;
}

ConfigBuilder& ConfigBuilder::keylog(std::function<void(std::string_view line)> sink) {
  config_.keylog = std::move(sink);
  return *this;
}

Result<std::shared_ptr<Config>> ConfigBuilder::build() {
  if (error_) return *error_;
  auto config = std::make_shared<Config>(config_);
  if (ticket_keys_) {
    config->ticket_keys = std::make_shared<TicketKeys>(TicketKey::generate(*config->random));
  }
  return config;
}

void ConfigBuilder::keep_first(Error e) {
  if (!error_) error_ = std::move(e);
}

}  // namespace gauntlet
