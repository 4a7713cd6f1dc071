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

// Both sides: TLS 1.2 and the scenario's suite.
ConfigBuilder base(const Scenario& s) {
  const auto suite = cipher_suite_from_name(s.suite);
  if (!suite) die("unknown suite " + s.suite);
  ConfigBuilder b;
  b.versions(ProtocolVersion::tls12, ProtocolVersion::tls12).cipher_suites({*suite});
  return b;
}

std::shared_ptr<Config> built(ConfigBuilder& b) {
  auto c = b.build();
  if (!c) die(c.error().to_string());
  return std::move(c).value();
}

class EngineServer final : public Side {
 public:
  explicit EngineServer(const Scenario& s) {
    ConfigBuilder b = base(s);
    b.identity_files(kServerChain, kServerKey);
    if (s.session_cache) b.session_cache();
    if (s.resumption == Resumption::ticket) b.ticket_keys();
    config_ = built(b);
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
    config_ = built(b);
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
