// TLS 1.3 client authentication in the handshake (RFC 8446 §4.3.2, §4.4.2,
// §4.4.3), between our two roles and against libssl both ways: a client
// certificate required and sent, asked for optionally and not sent (an
// empty Certificate, no CertificateVerify), required and not sent
// (certificate_required, §4.4.2.4), and across a HelloRetryRequest.
#include <gtest/gtest.h>

#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::pump;
using test_support::test_identity;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

const std::string kPki = "engine/crypto/testdata/";

std::shared_ptr<Config> asking(ClientAuth policy) {
  auto c = tls13_server();
  c->client_auth = policy;
  return c;
}

std::shared_ptr<Config> with_certificate(const char* identity) {
  auto c = tls13_client();
  c->identities = {test_identity(identity)};
  return c;
}

TEST(Tls13ClientAuth, RequiredAndSent) {
  for (const char* identity : {"client-rsa", "server-client-eku"}) {
    SCOPED_TRACE(identity);
    auto p = test_support::handshake(with_certificate(identity), asking(ClientAuth::required));
    ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
    ASSERT_FALSE(p.server.negotiated().peer_chain.empty());
    EXPECT_EQ(p.server.negotiated().peer_chain.front().der(),
              test_identity(identity).chain.front().der());
  }
}

TEST(Tls13ClientAuth, OptionalAndNotSent) {
  auto p = test_support::handshake(tls13_client(), asking(ClientAuth::optional));
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_TRUE(p.server.negotiated().peer_chain.empty());
}

TEST(Tls13ClientAuth, NotAskedNotSent) {
  auto p = test_support::handshake(with_certificate("client-rsa"), tls13_server());
  ASSERT_TRUE(p.completed());
  EXPECT_TRUE(p.server.negotiated().peer_chain.empty());
}

// §4.4.2.4: required, an empty Certificate is certificate_required.
TEST(Tls13ClientAuth, RequiredAndNotSentIsCertificateRequired) {
  auto p = test_support::handshake(tls13_client(), asking(ClientAuth::required));
  EXPECT_FALSE(p.completed());
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::certificate_required);
  EXPECT_EQ(p.client.peer_alert(), AlertDescription::certificate_required);
}

TEST(Tls13ClientAuth, AfterAHelloRetryRequest) {
  auto server = asking(ClientAuth::required);
  server->always_hello_retry = true;
  auto p = test_support::handshake(with_certificate("client-rsa"), server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.server.negotiated().peer_chain.empty());
}

OpenSslOptions openssl_tls13() {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.tickets = false;
  o.ca_file = kPki + "root-ca.pem";
  return o;
}

void exchange(Connection& ours, OpenSslPeer& theirs) {
  ASSERT_TRUE(pump(ours, theirs));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  ASSERT_TRUE(theirs.handshake_done());
  ASSERT_TRUE(ours.write(Bytes{'h', 'i'}).ok());
  ASSERT_TRUE(pump(ours, theirs));
  EXPECT_EQ(theirs.received(), "hi");
}

TEST(Tls13ClientAuth, OpenSslServerRequiresOurCertificate) {
  OpenSslOptions o = openssl_tls13();
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  o.require_peer_certificate = true;
  OpenSslPeer server = OpenSslPeer::server(o);
  ASSERT_TRUE(server.ok());
  Connection client = Connection::client(with_certificate("client-rsa"), {"localhost", std::nullopt});
  exchange(client, server);
  X509* theirs = SSL_get0_peer_certificate(server.ssl());
  EXPECT_NE(theirs, nullptr);
  EXPECT_EQ(SSL_get_verify_result(server.ssl()), X509_V_OK);
}

TEST(Tls13ClientAuth, OurServerRequiresOpenSslCertificate) {
  OpenSslOptions o = openssl_tls13();
  o.server_name = "localhost";
  o.chain_file = kPki + "client-rsa-chain.pem";
  o.key_file = kPki + "client-rsa.key";
  OpenSslPeer client = OpenSslPeer::client(o);
  ASSERT_TRUE(client.ok());
  Connection server = Connection::server(asking(ClientAuth::required));
  exchange(server, client);
  EXPECT_FALSE(server.negotiated().peer_chain.empty());
}

TEST(Tls13ClientAuth, OurServerRefusesOpenSslClientWithoutCertificate) {
  OpenSslOptions o = openssl_tls13();
  o.server_name = "localhost";
  OpenSslPeer client = OpenSslPeer::client(o);
  ASSERT_TRUE(client.ok());
  Connection server = Connection::server(asking(ClientAuth::required));
  (void)pump(server, client);
  ASSERT_TRUE(server.error());
  EXPECT_EQ(server.error()->alert, AlertDescription::certificate_required);
}

}  // namespace
}  // namespace gauntlet
