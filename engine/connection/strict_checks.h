// What the strict-check tests share: a handshake between two engines with
// a flight edit in between, and the check that exactly the right side
// failed with the alert the RFC names.
#pragma once

#include <gtest/gtest.h>

#include "engine/testing/engine_pair.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet::strict {

using namespace test_support;
using A = AlertDescription;
using H = HandshakeType;

struct Run {
  Connection client;
  Connection server;
};

inline Run run(std::shared_ptr<Config> client, std::shared_ptr<Config> server,
        const FlightEdit& edit = [](Role, Bytes b) { return b; }, ClientOptions options = {"localhost", std::nullopt}) {
  Run r{Connection::client(client, std::move(options)), Connection::server(server)};
  EXPECT_TRUE(pump_edited(r.client, r.server, edit));
  return r;
}

// `failing` detected the fault and said so with `alert`; its peer heard it.
inline void expect_failure(const Run& r, Role failing, A alert) {
  const Connection& f = failing == Role::client ? r.client : r.server;
  const Connection& other = failing == Role::client ? r.server : r.client;
  SCOPED_TRACE("client: " + (r.client.error() ? r.client.error()->to_string() : "ok") +
               " at " + r.client.progress() + "; server: " +
               (r.server.error() ? r.server.error()->to_string() : "ok") + " at " +
               r.server.progress());
  ASSERT_TRUE(f.error()) << "no failure";
  EXPECT_EQ(f.error()->alert, alert) << f.error()->to_string();
  EXPECT_EQ(f.state(), ConnectionState::closed);
  EXPECT_FALSE(f.session());
  EXPECT_EQ(other.peer_alert(), alert);
  EXPECT_FALSE(r.client.handshake_done() && r.server.handshake_done());
}

inline std::shared_ptr<Config> tls12_client(std::vector<CipherSuite> suites = {
                                         CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256}) {
  auto c = client_config();
  c->min_version = ProtocolVersion::tls10;
  c->cipher_suites = std::move(suites);
  return c;
}

// Applies `edit` to every flight `who` sends.
inline FlightEdit on(Role who, std::function<Bytes(Bytes)> edit) {
  return [=](Role sender, Bytes b) { return sender == who ? edit(std::move(b)) : b; };
}

}  // namespace gauntlet::strict
