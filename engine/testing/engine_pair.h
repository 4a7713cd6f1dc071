// Test support: configs over the test PKI and a loop that carries bytes
// between two sans-IO connections until both fall silent.
#pragma once

#include <memory>
#include <string>

#include "engine/connection/config.h"
#include "engine/connection/connection.h"

namespace gauntlet::test_support {

// 2027-01-15, inside every test certificate's validity.
constexpr int64_t kTestNow = 1800000000;

// An identity of engine/crypto/testdata: "server-rsa", "server-ecdsa", ...
Identity test_identity(const std::string& name);

// A deterministic server config with the RSA, ECDSA and DSA identities and
// a client config trusting the test root; SSL 3.0 to TLS 1.2 and every
// suite the engine has.
std::shared_ptr<Config> server_config(uint64_t seed = 1);
std::shared_ptr<Config> client_config(uint64_t seed = 2);
// client_config() speaking only `v`.
std::shared_ptr<Config> version_client(ProtocolVersion v);

// A connection's error for a test's failure message, "no error" if none.
std::string why(const Connection& c);

// Carries output both ways until neither side has any; false if that takes
// more rounds than any handshake needs.
bool pump(Connection& a, Connection& b);

// A client and a server on these configs, handshaken.
struct EnginePair {
  Connection client;
  Connection server;
  bool completed() const { return client.handshake_done() && server.handshake_done(); }
};
EnginePair handshake(std::shared_ptr<const Config> client, std::shared_ptr<const Config> server,
                     ClientOptions options = {"localhost", std::nullopt});

}  // namespace gauntlet::test_support
