// Features against OpenSSL's libssl in process, both ways round: resumption
// by session ID and by ticket, client authentication, extended master secret
// on and off, renegotiation started by either side, ALPN and SNI.
#include <gtest/gtest.h>

#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using test_support::client_config;
using test_support::pump;
using test_support::server_config;
using test_support::test_identity;

const std::string kPki = "engine/crypto/testdata/";

using test_support::why;

OpenSslOptions openssl_server(ProtocolVersion v = ProtocolVersion::tls12) {
  OpenSslOptions o;
  o.version = static_cast<int>(v);
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  return o;
}

OpenSslOptions openssl_client(ProtocolVersion v = ProtocolVersion::tls12) {
  OpenSslOptions o;
  o.version = static_cast<int>(v);
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  return o;
}

// A session from OpenSSL's side, owned.
using SessionPtr = std::unique_ptr<SSL_SESSION, decltype(&SSL_SESSION_free)>;
SessionPtr session_of(const OpenSslPeer& p) { return {SSL_get1_session(p.ssl()), SSL_SESSION_free}; }

class Resumption : public testing::TestWithParam<std::tuple<ProtocolVersion, bool>> {
 protected:
  ProtocolVersion version() const { return std::get<0>(GetParam()); }
  bool tickets() const { return std::get<1>(GetParam()); }
};

TEST_P(Resumption, OurClientResumesWithOpenSsl) {
  OpenSslOptions o = openssl_server(version());
  o.tickets = tickets();
  OpenSslPeer first = OpenSslPeer::server(o);
  auto config = client_config();
  Connection c1 = Connection::client(config, {"localhost", std::nullopt});
  ASSERT_TRUE(pump(c1, first));
  ASSERT_TRUE(c1.handshake_done()) << why(c1);
  ASSERT_TRUE(c1.session());
  EXPECT_EQ(c1.session()->ticket.empty(), !tickets());

  OpenSslPeer second = first.next_connection();
  Connection c2 = Connection::client(config, {"localhost", c1.session()});
  ASSERT_TRUE(pump(c2, second));
  ASSERT_TRUE(c2.handshake_done()) << why(c2);
  EXPECT_TRUE(c2.negotiated().resumed);
  EXPECT_EQ(SSL_session_reused(second.ssl()), 1);
  EXPECT_EQ(c2.negotiated().master_secret, c1.negotiated().master_secret);
  EXPECT_EQ(c2.negotiated().peer_chain.size(), c1.negotiated().peer_chain.size());
  ASSERT_TRUE(c2.write(Bytes{'x'}).ok());
  ASSERT_TRUE(pump(c2, second));
  EXPECT_EQ(second.received(), "x");
}

TEST_P(Resumption, OpenSslResumesWithOurServer) {
  auto config = server_config();
  if (!tickets()) config->ticket_keys.reset();
  OpenSslOptions o = openssl_client(version());
  OpenSslPeer first = OpenSslPeer::client(o);
  Connection s1 = Connection::server(config);
  ASSERT_TRUE(pump(s1, first));
  ASSERT_TRUE(s1.handshake_done()) << why(s1);
  SessionPtr session = session_of(first);
  EXPECT_EQ(SSL_SESSION_has_ticket(session.get()) == 1, tickets());

  OpenSslPeer second = first.next_connection(session.get());
  Connection s2 = Connection::server(config);
  ASSERT_TRUE(pump(s2, second));
  ASSERT_TRUE(s2.handshake_done()) << why(s2);
  EXPECT_TRUE(s2.negotiated().resumed);
  EXPECT_EQ(SSL_session_reused(second.ssl()), 1);
  second.write("y");
  ASSERT_TRUE(pump(s2, second));
  EXPECT_EQ(s2.read(), Bytes{'y'});
}

TEST_P(Resumption, OurServerRefusesAnUnknownSessionAndFallsBackToFull) {
  OpenSslOptions o = openssl_client(version());
  OpenSslPeer first = OpenSslPeer::client(o);
  Connection s1 = Connection::server(server_config(1));
  ASSERT_TRUE(pump(s1, first));
  SessionPtr session = session_of(first);

  // Another server: other ticket keys, an empty cache.
  OpenSslPeer second = first.next_connection(session.get());
  Connection s2 = Connection::server(server_config(7));
  ASSERT_TRUE(pump(s2, second));
  ASSERT_TRUE(s2.handshake_done()) << why(s2);
  EXPECT_FALSE(s2.negotiated().resumed);
  EXPECT_EQ(SSL_session_reused(second.ssl()), 0);
}

INSTANTIATE_TEST_SUITE_P(
    VersionsAndMechanisms, Resumption,
    testing::Combine(testing::Values(ProtocolVersion::tls10, ProtocolVersion::tls11,
                                     ProtocolVersion::tls12),
                     testing::Bool()),
    [](const auto& info) {
      return "v" + std::to_string(static_cast<int>(std::get<0>(info.param)) & 0xff) +
             (std::get<1>(info.param) ? "_ticket" : "_session_id");
    });

class ClientAuthAndEms : public testing::TestWithParam<std::tuple<ProtocolVersion, bool>> {
 protected:
  ProtocolVersion version() const { return std::get<0>(GetParam()); }
  bool ems() const { return std::get<1>(GetParam()); }
};

TEST_P(ClientAuthAndEms, OurClientAuthenticatesToOpenSsl) {
  OpenSslOptions o = openssl_server(version());
  o.ca_file = kPki + "root-ca.pem";
  o.require_peer_certificate = true;
  o.extended_master_secret = ems();
  OpenSslPeer server = OpenSslPeer::server(o);
  auto config = client_config();
  config->identities = {test_identity("client-rsa")};
  Connection client = Connection::client(config, {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  ASSERT_TRUE(client.handshake_done()) << why(client);
  ASSERT_TRUE(server.handshake_done());
  EXPECT_EQ(client.negotiated().extended_master_secret, ems());
  X509* peer = SSL_get0_peer_certificate(server.ssl());
  ASSERT_NE(peer, nullptr);
  EXPECT_EQ(SSL_get_verify_result(server.ssl()), X509_V_OK);
}

TEST_P(ClientAuthAndEms, OpenSslAuthenticatesToOurServer) {
  auto config = server_config();
  config->client_auth = ClientAuth::required;
  OpenSslOptions o = openssl_client(version());
  o.chain_file = kPki + "client-rsa-chain.pem";
  o.key_file = kPki + "client-rsa.key";
  o.extended_master_secret = ems();
  OpenSslPeer client = OpenSslPeer::client(o);
  Connection server = Connection::server(config);
  ASSERT_TRUE(pump(server, client));
  ASSERT_TRUE(server.handshake_done()) << why(server);
  ASSERT_TRUE(client.handshake_done());
  EXPECT_EQ(server.negotiated().extended_master_secret, ems());
  ASSERT_EQ(server.negotiated().peer_chain.size(), 2u);
  EXPECT_NE(server.negotiated().peer_chain.front().subject().find("client-rsa"), std::string::npos);
}

TEST_P(ClientAuthAndEms, OurServerRefusesOpenSslWithoutCertificate) {
  auto config = server_config();
  config->client_auth = ClientAuth::required;
  OpenSslPeer client = OpenSslPeer::client(openssl_client(version()));
  Connection server = Connection::server(config);
  pump(server, client);
  EXPECT_FALSE(server.handshake_done());
  ASSERT_TRUE(server.error());
  EXPECT_EQ(server.error()->alert, AlertDescription::handshake_failure);
  EXPECT_TRUE(client.failed());
}

TEST_P(ClientAuthAndEms, OptionalClientAuthWithoutCertificateCompletes) {
  auto config = server_config();
  config->client_auth = ClientAuth::optional;
  OpenSslPeer client = OpenSslPeer::client(openssl_client(version()));
  Connection server = Connection::server(config);
  ASSERT_TRUE(pump(server, client));
  ASSERT_TRUE(server.handshake_done()) << why(server);
  EXPECT_TRUE(server.negotiated().peer_chain.empty());
}

INSTANTIATE_TEST_SUITE_P(
    VersionsAndEms, ClientAuthAndEms,
    testing::Combine(testing::Values(ProtocolVersion::tls10, ProtocolVersion::tls11,
                                     ProtocolVersion::tls12),
                     testing::Bool()),
    [](const auto& info) {
      return "v" + std::to_string(static_cast<int>(std::get<0>(info.param)) & 0xff) +
             (std::get<1>(info.param) ? "_ems" : "_no_ems");
    });

TEST(Renegotiation, OurClientRenegotiatesWithOpenSsl) {
  OpenSslOptions o = openssl_server();
  o.allow_client_renegotiation = true;
  OpenSslPeer server = OpenSslPeer::server(o);
  Connection client = Connection::client(client_config(), {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  ASSERT_TRUE(client.negotiated().secure_renegotiation);
  const Bytes first_master = client.negotiated().master_secret;
  ASSERT_TRUE(client.renegotiate().ok());
  ASSERT_TRUE(pump(client, server));
  EXPECT_EQ(client.negotiated().handshakes, 2) << why(client);
  EXPECT_NE(client.negotiated().master_secret, first_master);
  ASSERT_TRUE(client.write(Bytes{'r'}).ok());
  ASSERT_TRUE(pump(client, server));
  EXPECT_EQ(server.received(), "r");
}

TEST(Renegotiation, OpenSslServerAsksOurClientToRenegotiate) {
  OpenSslPeer server = OpenSslPeer::server(openssl_server());
  Connection client = Connection::client(client_config(), {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  ASSERT_EQ(SSL_renegotiate(server.ssl()), 1);
  SSL_do_handshake(server.ssl());
  ASSERT_TRUE(pump(client, server));
  EXPECT_EQ(client.negotiated().handshakes, 2) << why(client);
  EXPECT_EQ(SSL_renegotiate_pending(server.ssl()), 0);
}

TEST(Renegotiation, OpenSslClientRenegotiatesWithOurServer) {
  OpenSslPeer client = OpenSslPeer::client(openssl_client());
  Connection server = Connection::server(server_config());
  ASSERT_TRUE(pump(server, client));
  ASSERT_EQ(SSL_renegotiate(client.ssl()), 1);
  SSL_do_handshake(client.ssl());
  ASSERT_TRUE(pump(server, client));
  EXPECT_EQ(server.negotiated().handshakes, 2) << why(server);
  EXPECT_EQ(SSL_renegotiate_pending(client.ssl()), 0);
  client.write("after");
  ASSERT_TRUE(pump(server, client));
  EXPECT_EQ(server.read(), (Bytes{'a', 'f', 't', 'e', 'r'}));
}

TEST(Renegotiation, OurServerAsksOpenSslToRenegotiate) {
  OpenSslPeer client = OpenSslPeer::client(openssl_client());
  Connection server = Connection::server(server_config());
  ASSERT_TRUE(pump(server, client));
  ASSERT_TRUE(server.renegotiate().ok());
  ASSERT_TRUE(pump(server, client));
  EXPECT_EQ(server.negotiated().handshakes, 2) << why(server);
}

TEST(Renegotiation, OurServerRefusesByPolicy) {
  auto config = server_config();
  config->renegotiation = RenegotiationPolicy::refuse;
  OpenSslPeer client = OpenSslPeer::client(openssl_client());
  Connection server = Connection::server(config);
  ASSERT_TRUE(pump(server, client));
  ASSERT_EQ(SSL_renegotiate(client.ssl()), 1);
  SSL_do_handshake(client.ssl());
  pump(server, client);
  // We answer no_renegotiation (a warning) and keep the first handshake's
  // keys; OpenSSL's client treats the refusal as fatal.
  EXPECT_EQ(server.negotiated().handshakes, 1);
  EXPECT_EQ(server.peer_alert(), AlertDescription::handshake_failure) << why(server);
}

TEST(Extensions, AlpnAndSniBothWays) {
  OpenSslOptions so = openssl_server();
  so.alpn = "h2";
  OpenSslPeer server = OpenSslPeer::server(so);
  auto cc = client_config();
  cc->alpn = {"http/1.1", "h2"};
  Connection client = Connection::client(cc, {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  EXPECT_EQ(client.negotiated().alpn, "h2");
  EXPECT_STREQ(SSL_get_servername(server.ssl(), TLSEXT_NAMETYPE_host_name), "localhost");

  OpenSslOptions co = openssl_client();
  co.alpn = "http/1.1";
  OpenSslPeer oc = OpenSslPeer::client(co);
  auto sc = server_config();
  sc->alpn = {"h2", "http/1.1"};
  Connection ours = Connection::server(sc);
  ASSERT_TRUE(pump(ours, oc));
  EXPECT_EQ(ours.negotiated().alpn, "http/1.1");
  EXPECT_EQ(ours.negotiated().server_name, "localhost");
  const unsigned char* selected = nullptr;
  unsigned int len = 0;
  SSL_get0_alpn_selected(oc.ssl(), &selected, &len);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(selected), len), "http/1.1");
}

}  // namespace
}  // namespace gauntlet
