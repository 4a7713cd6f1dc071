#include "conformance/targets/self_target.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <vector>

#include "conformance/targets/local_channel.h"
#include "engine/connection/config_builder.h"
#include "engine/connection/connection.h"
#include "engine/connection/keying_material.h"

namespace gauntlet::conformance {

namespace {

class EngineSut final : public LocalSut {
 public:
  // A client keeps its latest session in *keep, for its next connection.
  EngineSut(Connection c, std::shared_ptr<std::optional<Session>> keep = nullptr)
      : c_(std::move(c)), keep_(std::move(keep)) {}

  Bytes exchange(ByteView in) override {
    if (!in.empty()) (void)c_.receive(in);
    if (c_.state() == ConnectionState::established) {
      const Bytes got = c_.read();
      if (c_.role() == Role::server && !got.empty()) (void)c_.write(got);
      if (c_.role() == Role::client && c_.negotiated().handshakes > requested_) {
        // A request the server took as 0-RTT data is not sent again; one it
        // refused is, in 1-RTT (RFC 8446 §4.2.10).
        requested_ = c_.negotiated().handshakes;
        if (requested_ > 1 || !c_.negotiated().early_data_accepted) {
          (void)c_.write(text_bytes(kClientRequest));
        }
      }
    }
    // What the client holds now: a session a fatal alert ended is gone.
    if (keep_ && c_.handshake_done()) *keep_ = c_.session();
    return c_.take_output();
  }
  bool closed() const override { return c_.state() == ConnectionState::closed; }
  SutView view() const override {
    const Negotiated& n = c_.negotiated();
    SutView v{c_.handshake_done(), n.version, n.suite, n.client_random, n.server_random,
              n.master_secret, {}};
    if (v.handshake_done && n.version == ProtocolVersion::tls13) {
      auto exported = export_keying_material(n, kAgreementLabel, std::nullopt, kAgreementLength);
      if (exported) v.exported = std::move(exported).value();
    }
    return v;
  }

 private:
  Connection c_;
  std::shared_ptr<std::optional<Session>> keep_;
  int requested_ = 0;
};

class EngineInstance final : public SutInstance {
 public:
  // A client sends `early_data` as 0-RTT data when its ticket allows.
  EngineInstance(std::shared_ptr<const Config> config, Role role, Bytes early_data)
      : config_(std::move(config)), role_(role), early_data_(std::move(early_data)) {}

  Result<std::unique_ptr<Channel>> next_connection(net::Deadline, PreviousConnection) override {
    if (role_ == Role::server) {
      return std::unique_ptr<Channel>(
          std::make_unique<LocalChannel>(std::make_unique<EngineSut>(Connection::server(config_))));
    }
    // A client offers the session of its previous connection, as any client
    // that keeps sessions does.
    auto sut = std::make_unique<EngineSut>(
        Connection::client(config_, {"localhost", *session_, early_data_}), session_);
    return std::unique_ptr<Channel>(std::make_unique<LocalChannel>(std::move(sut)));
  }

 private:
  std::shared_ptr<const Config> config_;
  Role role_;
  Bytes early_data_;
  std::shared_ptr<std::optional<Session>> session_ = std::make_shared<std::optional<Session>>();
};

}  // namespace

Result<std::unique_ptr<SutInstance>> SelfTarget::start(const Case& c, net::Deadline) const {
  const SutSettings& sut = c.scenario->sut;
  const Role sut_role = c.scenario->scripted == Role::client ? Role::server : Role::client;
  ConfigBuilder b;
  // Up to TLS 1.3, as the engine ships. For an SSL 2.0 case the range
  // starts there: our server answers a native CLIENT-HELLO beside TLS (and,
  // speaking SSL 3.0+, refuses the rollback guard, RFC 6101 E.2); our client
  // sends one.
  std::vector<CipherSuite> suites = tls13_cipher_suites();
  std::ranges::copy(all_engine_cipher_suites(), std::back_inserter(suites));
  // A scenario that assumes the server's highest version (RFC 7507's
  // fallback cases) gets a server configured so.
  ProtocolVersion highest = ProtocolVersion::tls13;
  for (const Requirement& r : c.scenario->needs) {
    if (r.kind == Requirement::Kind::highest_version) highest = r.version;
  }
  b.versions(c.ssl2_kind ? ProtocolVersion::ssl2 : ProtocolVersion::ssl3, highest)
      .cipher_suites(std::move(suites))
      .deterministic_random(std::hash<std::string>{}(c.id()))
      .fixed_clock(kScenarioTime)
      .renegotiation(sut.renegotiation);
  auto trust = pki_.trust(pki_.root());
  if (!trust) return trust.error();
  b.trust(std::move(trust).value());
  const std::vector<std::string> names =
      sut_role == Role::server ? std::vector<std::string>{"server-rsa", "server-ecdsa", "server-dsa"}
                               : std::vector<std::string>{"client-rsa"};
  for (const std::string& name : names) {
    auto id = pki_.identity(name);
    if (!id) return id.error();
    b.identity(std::move(id).value());
  }
  if (sut_role == Role::server) {
    b.client_auth(sut.client_auth).session_cache();
    if (sut.tickets) b.ticket_keys();
  }
  auto config = b.build();
  if (!config) return config.error();
  (*config)->bugs = bugs_;
  if (sut.early_data && sut_role == Role::server) (*config)->max_early_data = kSutMaxEarlyData;
  const ByteView request = text_bytes(kClientRequest);
  const Bytes early_data = sut.early_data && sut_role == Role::client
                               ? Bytes(request.begin(), request.end())
                               : Bytes{};
  (*config)->always_hello_retry = sut.hello_retry;
  if (c.ssl2_kind) {
    auto trust = ssl2_trust(pki_);
    if (!trust) return trust.error();
    (*config)->trust = std::move(trust).value();
  }
  return std::unique_ptr<SutInstance>(
      std::make_unique<EngineInstance>(std::move(config).value(), sut_role, early_data));
}

}  // namespace gauntlet::conformance
