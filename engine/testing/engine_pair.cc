#include "engine/testing/engine_pair.h"

#include <gtest/gtest.h>

namespace gauntlet::test_support {

namespace {
const std::string kPki = "engine/crypto/testdata/";
}  // namespace

Identity test_identity(const std::string& name) {
  auto id = load_identity(kPki + name + "-chain.pem", kPki + name + ".key");
  EXPECT_TRUE(id.ok()) << id.error().to_string();
  return std::move(id).value();
}

namespace {
std::shared_ptr<Config> base_config(uint64_t seed) {
  auto c = std::make_shared<Config>();
  c->min_version = ProtocolVersion::ssl3;
  c->max_version = ProtocolVersion::tls12;
  c->cipher_suites = all_engine_cipher_suites();
  c->random = std::make_shared<DeterministicRandom>(seed);
  c->clock = std::make_shared<FixedClock>(kTestNow);
  auto trust = std::make_shared<TrustStore>();
  EXPECT_TRUE(trust->add_file(kPki + "root-ca.pem").ok());
  c->trust = trust;
  return c;
}
}  // namespace

std::shared_ptr<Config> server_config(uint64_t seed) {
  auto c = base_config(seed);
  c->identities = {test_identity("server-rsa"), test_identity("server-ecdsa"),
                   test_identity("server-dsa")};
  c->session_cache = std::make_shared<SessionCache>();
  c->ticket_keys = std::make_shared<TicketKeys>(TicketKey::generate(*c->random));
  return c;
}

std::shared_ptr<Config> client_config(uint64_t seed) { return base_config(seed); }

bool pump(Connection& a, Connection& b) {
  for (int round = 0; round < 64; ++round) {
    if (!a.has_output() && !b.has_output()) return true;
    if (a.has_output()) (void)b.receive(a.take_output());
    if (b.has_output()) (void)a.receive(b.take_output());
  }
  return false;
}

EnginePair handshake(std::shared_ptr<const Config> client, std::shared_ptr<const Config> server,
                     ClientOptions options) {
  EnginePair p{Connection::client(std::move(client), std::move(options)),
               Connection::server(std::move(server))};
  EXPECT_TRUE(pump(p.client, p.server));
  return p;
}

}  // namespace gauntlet::test_support
