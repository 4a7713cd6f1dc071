#include "engine/testing/engine_pair.h"

#include <gtest/gtest.h>

#include "engine/connection/config_builder.h"

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
ConfigBuilder base(uint64_t seed) {
  ConfigBuilder b;
  b.versions(ProtocolVersion::ssl3, ProtocolVersion::tls12)
      .cipher_suites(all_engine_cipher_suites())
      .deterministic_random(seed)
      .fixed_clock(kTestNow)
      .trust_file(kPki + "root-ca.pem");
  return b;
}

std::shared_ptr<Config> built(ConfigBuilder& b) {
  auto c = b.build();
  EXPECT_TRUE(c.ok()) << c.error().to_string();
  return std::move(c).value();
}
}  // namespace

std::shared_ptr<Config> server_config(uint64_t seed) {
  ConfigBuilder b = base(seed);
  b.identity(test_identity("server-rsa"))
      .identity(test_identity("server-ecdsa"))
      .identity(test_identity("server-dsa"))
      .session_cache()
      .ticket_keys();
  return built(b);
}

std::shared_ptr<Config> client_config(uint64_t seed) {
  ConfigBuilder b = base(seed);
  return built(b);
}

std::shared_ptr<Config> version_client(ProtocolVersion v) {
  auto c = client_config();
  c->min_version = c->max_version = v;
  return c;
}

std::string why(const Connection& c) { return c.error() ? c.error()->to_string() : "no error"; }

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
