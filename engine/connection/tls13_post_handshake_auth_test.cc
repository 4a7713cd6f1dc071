// Post-handshake client authentication (RFC 8446 §4.6.2, §4.2.6) between
// our two roles and against libssl both ways: a certificate sent, none
// sent (an empty Certificate and Finished; certificate_required when
// required), two requests in turn, and the refusals: a CertificateRequest
// to a client that did not offer post_handshake_auth (unexpected_message),
// a Certificate whose context is not the request's (illegal_parameter), a
// bad CertificateVerify or Finished (decrypt_error).
#include <gtest/gtest.h>

#include "engine/connection/authentication_13.h"
#include "engine/messages/framing/handshake_message.h"
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

std::shared_ptr<Config> offering(const char* identity = nullptr) {
  auto c = tls13_client();
  c->post_handshake_auth = true;
  if (identity) c->identities = {test_identity(identity)};
  return c;
}

// The server asks; both sides settle; the connection still carries data.
void authenticate(test_support::EnginePair& p, ClientAuth policy) {
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  ASSERT_TRUE(p.server.request_client_certificate(policy).ok());
  ASSERT_TRUE(pump(p.client, p.server));
}

TEST(Tls13PostHandshakeAuth, CertificateAfterTheHandshake) {
  for (const char* identity : {"client-rsa", "server-client-eku"}) {
    SCOPED_TRACE(identity);
    auto p = test_support::handshake(offering(identity), tls13_server());
    ASSERT_TRUE(p.completed());
    EXPECT_TRUE(p.server.negotiated().peer_chain.empty()) << "not asked in the handshake";
    authenticate(p, ClientAuth::required);
    ASSERT_FALSE(p.server.error()) << why(p.server);
    ASSERT_FALSE(p.client.error()) << why(p.client);
    ASSERT_FALSE(p.server.negotiated().peer_chain.empty());
    EXPECT_EQ(p.server.negotiated().peer_chain.front().der(),
              test_identity(identity).chain.front().der());
    ASSERT_TRUE(p.client.write(Bytes{'o', 'k'}).ok());
    ASSERT_TRUE(pump(p.client, p.server));
    EXPECT_EQ(p.server.read(), (Bytes{'o', 'k'}));
  }
}

// §4.4.1: each exchange hashes from the handshake's transcript, and its
// Finished keys from the current traffic secret, after a KeyUpdate too.
TEST(Tls13PostHandshakeAuth, TwoRequestsAndAKeyUpdateBetween) {
  auto p = test_support::handshake(offering("client-rsa"), tls13_server());
  authenticate(p, ClientAuth::required);
  ASSERT_TRUE(p.client.update_keys(KeyUpdateRequest::update_requested).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  authenticate(p, ClientAuth::required);
  EXPECT_FALSE(p.server.error()) << why(p.server);
  EXPECT_FALSE(p.server.negotiated().peer_chain.empty());
}

TEST(Tls13PostHandshakeAuth, NoCertificateOptionalIsEmptyAndFinished) {
  auto p = test_support::handshake(offering(), tls13_server());
  authenticate(p, ClientAuth::optional);
  EXPECT_FALSE(p.server.error()) << why(p.server);
  EXPECT_TRUE(p.server.negotiated().peer_chain.empty());
  EXPECT_EQ(p.server.state(), ConnectionState::established);
}

// §4.4.2.4.
TEST(Tls13PostHandshakeAuth, NoCertificateRequiredIsCertificateRequired) {
  auto p = test_support::handshake(offering(), tls13_server());
  authenticate(p, ClientAuth::required);
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::certificate_required);
  EXPECT_EQ(p.client.peer_alert(), AlertDescription::certificate_required);
}

// §4.6.2: servers must not ask a client that did not offer it; ours
// refuses to, and our client refuses a request it did not invite.
TEST(Tls13PostHandshakeAuth, NotOfferedIsNotAskedAndAnUninvitedRequestIsUnexpected) {
  auto client = tls13_client();
  client->identities = {test_identity("client-rsa")};
  auto p = test_support::handshake(client, tls13_server());
  ASSERT_TRUE(p.completed());
  EXPECT_FALSE(p.server.request_client_certificate().ok());
  EXPECT_EQ(p.server.state(), ConnectionState::established);

  auto body = certificate_request_13(*tls13_server(), Bytes{1, 2, 3}).serialize();
  ASSERT_TRUE(body.ok());
  ASSERT_TRUE(
      p.server
          .send_record(ContentType::handshake,
                       HandshakeMessage{HandshakeType::certificate_request, *body}.serialize())
          .ok());
  (void)pump(p.client, p.server);
  ASSERT_TRUE(p.client.error());
  EXPECT_EQ(p.client.error()->alert, AlertDescription::unexpected_message);
}

// One flipped bit in each value of the client's answer.
TEST(Tls13PostHandshakeAuth, BadAnswersAreRefused) {
  const struct {
    HandshakeType corrupted;
    AlertDescription alert;
  } cases[] = {
      {HandshakeType::certificate, AlertDescription::illegal_parameter},
      {HandshakeType::certificate_verify, AlertDescription::decrypt_error},
      {HandshakeType::finished, AlertDescription::decrypt_error},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(iana_name(c.corrupted));
    auto client = offering("client-rsa");
    client->bugs.corrupt_post_handshake_auth = c.corrupted;
    auto p = test_support::handshake(client, tls13_server());
    authenticate(p, ClientAuth::required);
    ASSERT_TRUE(p.server.error());
    EXPECT_EQ(p.server.error()->alert, c.alert) << why(p.server);
    EXPECT_TRUE(p.server.negotiated().peer_chain.empty());
  }
}

// The client's answer arrives only when asked, and in order.
TEST(Tls13PostHandshakeAuth, AnUnaskedClientFinishedIsUnexpected) {
  auto p = test_support::handshake(offering("client-rsa"), tls13_server());
  ASSERT_TRUE(p.completed());
  ASSERT_TRUE(p.client
                  .send_record(ContentType::handshake,
                               HandshakeMessage{HandshakeType::finished, Bytes(32, 0)}.serialize())
                  .ok());
  (void)pump(p.client, p.server);
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::unexpected_message);
}

OpenSslOptions openssl_tls13() {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.tickets = false;
  o.ca_file = kPki + "root-ca.pem";
  return o;
}

TEST(Tls13PostHandshakeAuth, OpenSslServerAsksOurClient) {
  OpenSslOptions o = openssl_tls13();
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  OpenSslPeer server = OpenSslPeer::server(o);
  ASSERT_TRUE(server.ok());
  // Verify the client, but only after the handshake.
  SSL_set_verify(server.ssl(), SSL_VERIFY_PEER | SSL_VERIFY_POST_HANDSHAKE, nullptr);
  Connection client = Connection::client(offering("client-rsa"), {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  ASSERT_TRUE(client.handshake_done()) << why(client);
  EXPECT_EQ(SSL_get0_peer_certificate(server.ssl()), nullptr);
  ASSERT_EQ(SSL_verify_client_post_handshake(server.ssl()), 1);
  ASSERT_EQ(SSL_do_handshake(server.ssl()), 1);
  ASSERT_TRUE(pump(client, server));
  ASSERT_TRUE(client.write(Bytes{'h', 'i'}).ok());
  ASSERT_TRUE(pump(client, server));
  EXPECT_FALSE(server.failed());
  EXPECT_EQ(server.received(), "hi");
  EXPECT_NE(SSL_get0_peer_certificate(server.ssl()), nullptr);
  EXPECT_EQ(SSL_get_verify_result(server.ssl()), X509_V_OK);
  EXPECT_FALSE(client.error()) << why(client);
}

TEST(Tls13PostHandshakeAuth, OurServerAsksOpenSslClient) {
  OpenSslOptions o = openssl_tls13();
  o.server_name = "localhost";
  o.chain_file = kPki + "client-rsa-chain.pem";
  o.key_file = kPki + "client-rsa.key";
  o.post_handshake_auth = true;
  OpenSslPeer client = OpenSslPeer::client(o);
  ASSERT_TRUE(client.ok());
  Connection server = Connection::server(tls13_server());
  ASSERT_TRUE(pump(server, client));
  ASSERT_TRUE(server.handshake_done()) << why(server);
  ASSERT_TRUE(server.request_client_certificate().ok()) << why(server);
  ASSERT_TRUE(pump(server, client));
  ASSERT_FALSE(server.error()) << why(server);
  ASSERT_FALSE(server.negotiated().peer_chain.empty());
  EXPECT_EQ(server.negotiated().peer_chain.front().der(),
            test_identity("client-rsa").chain.front().der());
}

}  // namespace
}  // namespace gauntlet
