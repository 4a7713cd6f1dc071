// One way to assemble a Config, for every program and test that needs one:
// identities and trust anchors loaded from files, a session cache, a ticket
// store, ticket keys drawn from the config's own random source, a deterministic random
// source and clock. Fields that take no more than an assignment and only one
// caller sets (Bugs, extension switches) are assigned on the built Config.
//
//   auto config = ConfigBuilder()
//                     .versions(ProtocolVersion::tls10, ProtocolVersion::tls12)
//                     .identity_files("chain.pem", "key.pem")
//                     .session_cache()
//                     .ticket_keys()
//                     .build();
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/config.h"

namespace gauntlet {

class ConfigBuilder {
 public:
  // Config's defaults.
  ConfigBuilder() = default;
  // A copy of base: the same peer (its session cache, ticket keys, random
  // source and trust are shared) with the changes made here.
  explicit ConfigBuilder(const Config& base) : config_(base) {}

  ConfigBuilder& versions(ProtocolVersion min, ProtocolVersion max);
  ConfigBuilder& cipher_suites(std::vector<CipherSuite> suites);  // preference order

  // Appended to the identities, in order: a server picks the first that fits.
  ConfigBuilder& identity(Identity id);
  ConfigBuilder& identities(std::vector<Identity> ids);
  ConfigBuilder& identity_files(const std::string& chain_file, const std::string& key_file);
  // Peer chains are verified against the anchors of this PEM file.
  ConfigBuilder& trust_file(const std::string& ca_file);
  // Anchors already loaded, shared with other configs.
  ConfigBuilder& trust(std::shared_ptr<const TrustStore> anchors);

  // Server: session IDs, cached (SessionCache's own capacity if none given).
  ConfigBuilder& session_cache();
  ConfigBuilder& session_cache(size_t capacity);
  // Server: RFC 5077 tickets, under a key that build() draws from the
  // config's random source — after every other draw this builder asks for,
  // so a deterministic source yields the same key as it always did.
  ConfigBuilder& ticket_keys();
  // Server, TLS 1.3: stateful tickets, sessions kept by ticket identity
  // (Config::ticket_store), asked before ticket keys (SessionCache's own
  // capacity if none given).
  ConfigBuilder& ticket_store();
  ConfigBuilder& ticket_store(size_t capacity);

  ConfigBuilder& deterministic_random(uint64_t seed);
  ConfigBuilder& fixed_clock(int64_t now);

  ConfigBuilder& client_auth(ClientAuth policy);
  ConfigBuilder& renegotiation(RenegotiationPolicy policy);
  ConfigBuilder& alpn(std::vector<std::string> protocols);  // preference order
  // NSS key log lines; none if the sink is empty.
  ConfigBuilder& keylog(std::function<void(std::string_view line)> sink);

  // The Config, or the first error met (a file that did not load).
  Result<std::shared_ptr<Config>> build();

 private:
  void keep_first(Error e);

  Config config_;
  bool ticket_keys_ = false;
  std::optional<Error> error_;
};

}  // namespace gauntlet
