#include "bench/engine_side.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "bench/pki.h"
#include "engine/connection/config_builder.h"
#include "engine/connection/connection.h"

namespace gauntlet::bench {
namespace {

// A benchmark that cannot set up measures nothing; stop loudly.
[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "bench: %s\n", why.c_str());
  std::exit(1);
}

class EngineEndpoint final : public Endpoint {
 public:
  explicit EngineEndpoint(Connection c) : c_(std::move(c)) {}
  void receive(ByteView in) override { (void)c_.receive(in); }
  Bytes take_output() override { return c_.take_output(); }
  bool established() const override { return c_.state() == ConnectionState::established; }
  bool failed() const override { return c_.error().has_value(); }
  bool resumed() const override { return c_.negotiated().resumed; }
  void write(ByteView data) override { (void)c_.write(data); }
  size_t drain_application_data() override { return c_.read().size(); }
  const std::optional<Session>& session() const { return c_.session(); }

 private:
  Connection c_;
};

// Both sides: the scenario's version and suite.
ConfigBuilder base(const Scenario& s) {
  const auto suite = cipher_suite_from_name(s.suite);
  if (!suite) die("unknown suite " + s.suite);
  const ProtocolVersion v =
      s.version == Version::tls13 ? ProtocolVersion::tls13 : ProtocolVersion::tls12;
  ConfigBuilder b;
  b.versions(v, v).cipher_suites({*suite});
  return b;
}

std::shared_ptr<Config> built(ConfigBuilder& b, const Scenario& s) {
  auto c = b.build();
  if (!c) die(c.error().to_string());
  if (s.version == Version::tls13) (*c)->groups = {NamedGroup::x25519};
  return std::move(c).value();
}

class EngineServer final : public Side {
 public:
  explicit EngineServer(const Scenario& s) {
    ConfigBuilder b = base(s);
    if (s.key == ServerKey::rsa) {
      b.identity_files(kServerChain, kServerKey);
    } else {
      b.identity_files(kEcdsaServerChain, kEcdsaServerKey);
    }
    if (s.session_cache) b.session_cache();
    if (s.resumption == Resumption::ticket) b.ticket_keys();
    config_ = built(b, s);
    config_->tls13_tickets = kTls13Tickets;
  }
  std::unique_ptr<Endpoint> connect() override {
    return std::make_unique<EngineEndpoint>(Connection::server(config_));
  }

 private:
  std::shared_ptr<Config> config_;
};

class EngineClient final : public Side {
 public:
  explicit EngineClient(const Scenario& s) {
    ConfigBuilder b = base(s);
    b.trust_file(kRootCa);
    config_ = built(b, s);
    config_->offer_tickets = s.resumption == Resumption::ticket;
  }
  std::unique_ptr<Endpoint> connect() override {
    return std::make_unique<EngineEndpoint>(
        Connection::client(config_, ClientOptions{kServerName, session_}));
  }
  void keep_session(const Endpoint& e) override {
    session_ = static_cast<const EngineEndpoint&>(e).session();
  }

 private:
  std::shared_ptr<Config> config_;
  std::optional<Session> session_;
};

}  // namespace

std::unique_ptr<Side> engine_server(const Scenario& s) { return std::make_unique<EngineServer>(s); }
std::unique_ptr<Side> engine_client(const Scenario& s) { return std::make_unique<EngineClient>(s); }

}  // namespace gauntlet::bench
