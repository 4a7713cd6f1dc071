// HelloRetryRequest against OpenSSL's libssl in process (RFC 8446 §4.1.4):
// an OpenSSL client that shares X25519 first, facing our server that takes
// only P-256 or always asks (with a cookie); our client sharing X25519
// facing an OpenSSL server whose groups (SSL_CTX_set1_groups) leave it out.
// Compatibility mode on and off; data both ways after the retry. Then
// resumption after a retry both ways (§4.2.11.2: the binder of the second
// ClientHello covers ClientHello1's message_hash and the retry).
#include <gtest/gtest.h>

#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

const std::string kPki = "engine/crypto/testdata/";

OpenSslOptions options(const std::string& groups, bool compat) {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.groups = groups;
  o.middlebox_compat = compat;
  o.tickets = false;
  return o;
}

// Counts the hellos our side receives of `type`.
std::shared_ptr<int> count(Config& c, HandshakeType type) {
  auto n = std::make_shared<int>(0);
  c.on_message = [n, type](HandshakeType t) {
    if (t == type) ++*n;
  };
  return n;
}

void exchange(Connection& ours, OpenSslPeer& theirs) {
  ASSERT_TRUE(pump(ours, theirs));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  ASSERT_TRUE(theirs.handshake_done());
  ASSERT_TRUE(ours.write(Bytes{'p', 'i', 'n', 'g'}).ok());
  theirs.write("pong");
  ASSERT_TRUE(pump(ours, theirs));
  EXPECT_EQ(theirs.received(), "ping");
  EXPECT_EQ(ours.read(), (Bytes{'p', 'o', 'n', 'g'}));
}

class OpenSslRetry : public testing::TestWithParam<bool> {
 protected:
  // An OpenSSL client sharing X25519 first against our server on `config`:
  // how many ClientHellos it sent, and the group agreed.
  void against_openssl_client(const std::shared_ptr<Config>& config, NamedGroup group) {
    OpenSslOptions o = options("X25519:P-256", GetParam());
    o.ca_file = kPki + "root-ca.pem";
    o.server_name = "localhost";
    OpenSslPeer client = OpenSslPeer::client(o);
    ASSERT_TRUE(client.ok());
    const auto hellos = count(*config, HandshakeType::client_hello);
    Connection server = Connection::server(config);
    exchange(server, client);
    EXPECT_EQ(*hellos, 2);
    EXPECT_EQ(server.negotiated().group, group);
  }
};

TEST_P(OpenSslRetry, OurServerAsksOpenSslClientForAnotherGroup) {
  auto config = tls13_server();
  config->groups = {NamedGroup::secp256r1};
  against_openssl_client(config, NamedGroup::secp256r1);
}

TEST_P(OpenSslRetry, OurServerAlwaysAsksWithACookie) {
  auto config = tls13_server();
  config->always_hello_retry = true;
  against_openssl_client(config, NamedGroup::x25519);
}

TEST_P(OpenSslRetry, OpenSslServerAsksOurClientForAnotherGroup) {
  OpenSslOptions o = options("P-384:P-256", GetParam());
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  OpenSslPeer server = OpenSslPeer::server(o);
  ASSERT_TRUE(server.ok());
  auto config = tls13_client();
  config->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  config->middlebox_compat = GetParam();
  const auto hellos = count(*config, HandshakeType::server_hello);
  Connection client = Connection::client(config, {"localhost", std::nullopt});
  exchange(client, server);
  EXPECT_EQ(*hellos, 2);
  EXPECT_EQ(client.negotiated().group, NamedGroup::secp256r1);
}

// OpenSSL's server takes neither of our first shares, before and while our
// client resumes its ticket.
TEST_P(OpenSslRetry, OurClientResumesAfterOpenSslsRetry) {
  OpenSslOptions o = options("P-384:P-256", GetParam());
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  o.tickets = true;
  OpenSslPeer server = OpenSslPeer::server(o);
  ASSERT_TRUE(server.ok());
  auto config = tls13_client();
  config->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  config->middlebox_compat = GetParam();
  auto first = Connection::client(config, {"localhost", std::nullopt});
  exchange(first, server);
  ASSERT_FALSE(first.tickets().empty()) << why(first);
  OpenSslPeer again = server.next_connection();
  const auto hellos = count(*config, HandshakeType::server_hello);
  auto second = Connection::client(config, {"localhost", first.tickets().front()});
  exchange(second, again);
  EXPECT_EQ(*hellos, 2);
  EXPECT_TRUE(second.negotiated().resumed);
  EXPECT_EQ(SSL_session_reused(again.ssl()), 1);
}

// OpenSSL's client resumes our ticket after our server asked for a retry.
TEST_P(OpenSslRetry, OpenSslClientResumesAfterOurRetry) {
  OpenSslOptions o = options("X25519:P-256", GetParam());
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  o.tickets = true;
  OpenSslPeer client = OpenSslPeer::client(o);
  ASSERT_TRUE(client.ok());
  auto config = tls13_server();
  config->groups = {NamedGroup::secp256r1};
  auto first = Connection::server(config);
  exchange(first, client);
  OpenSslPtr<SSL_SESSION, SSL_SESSION_free> session(SSL_get1_session(client.ssl()));
  ASSERT_EQ(SSL_SESSION_is_resumable(session.get()), 1);
  OpenSslPeer again = client.next_connection(session.get());
  const auto hellos = count(*config, HandshakeType::client_hello);
  auto second = Connection::server(config);
  exchange(second, again);
  EXPECT_EQ(*hellos, 2);
  EXPECT_TRUE(second.negotiated().resumed);
  EXPECT_EQ(SSL_session_reused(again.ssl()), 1);
}

INSTANTIATE_TEST_SUITE_P(Compat, OpenSslRetry, testing::Bool(),
                         [](const testing::TestParamInfo<bool>& i) {
                           return i.param ? "compat" : "no_compat";
                         });

}  // namespace
}  // namespace gauntlet
