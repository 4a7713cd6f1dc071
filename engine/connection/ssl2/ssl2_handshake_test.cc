// Engine client against engine server in SSL 2.0: every cipher kind this
// libcrypto has, full and with SESSION-ID-HIT, with and without a client
// certificate, application data both ways; the rollback guard of RFC 6101
// E.2; a server whose range includes SSL 2.0 still speaking TLS.
#include <gtest/gtest.h>

#include "engine/connection/connection.h"
#include "engine/connection/ssl2/ssl2_test_configs.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::pump;
using test_support::test_identity;
using test_support::why;

class Ssl2EveryKind : public testing::TestWithParam<Ssl2CipherKind> {};

void expect_data_both_ways(Connection& client, Connection& server) {
  ASSERT_TRUE(client.write(Bytes(40000, 'c')).ok());  // more than one record
  ASSERT_TRUE(server.write(Bytes{'s'}).ok());
  ASSERT_TRUE(pump(client, server));
  EXPECT_EQ(server.read(), Bytes(40000, 'c'));
  EXPECT_EQ(client.read(), Bytes{'s'});
}

TEST_P(Ssl2EveryKind, FullHandshakeThenReuse) {
  const Ssl2CipherKind kind = GetParam();
  auto server = ssl2_test::server();
  auto client = ssl2_test::client({kind});
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  for (const Connection* c : {&p.client, &p.server}) {
    EXPECT_EQ(c->negotiated().version, ProtocolVersion::ssl2);
    EXPECT_EQ(c->negotiated().ssl2_cipher_kind, kind);
    EXPECT_FALSE(c->negotiated().resumed);
    EXPECT_EQ(c->negotiated().ssl2_connection_id.size(), 16u);
  }
  EXPECT_EQ(p.client.negotiated().ssl2_connection_id, p.server.negotiated().ssl2_connection_id);
  EXPECT_EQ(p.client.negotiated().master_secret, p.server.negotiated().master_secret);
  EXPECT_FALSE(p.client.negotiated().peer_chain.empty());
  expect_data_both_ways(p.client, p.server);

  ASSERT_TRUE(p.client.session().has_value());
  auto again = handshake(client, server, {"localhost", p.client.session()});
  ASSERT_TRUE(again.completed()) << why(again.client) << " / " << why(again.server);
  EXPECT_TRUE(again.client.negotiated().resumed);
  EXPECT_TRUE(again.server.negotiated().resumed);
  EXPECT_EQ(again.client.negotiated().ssl2_cipher_kind, kind);
  EXPECT_EQ(again.client.negotiated().master_secret, p.client.negotiated().master_secret);
  EXPECT_NE(again.client.negotiated().ssl2_connection_id, p.client.negotiated().ssl2_connection_id);
  expect_data_both_ways(again.client, again.server);
}

TEST_P(Ssl2EveryKind, ClientCertificateFullAndReused) {
  auto server = ssl2_test::server();
  server->client_auth = ClientAuth::required;
  auto client = ssl2_test::client({GetParam()});
  client->identities = {test_identity("client-rsa")};
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  ASSERT_FALSE(p.server.negotiated().peer_chain.empty());
  EXPECT_EQ(p.server.negotiated().peer_chain.front().der(),
            client->identities.front().chain.front().der());
  expect_data_both_ways(p.client, p.server);

  auto again = handshake(client, server, {"localhost", p.client.session()});
  ASSERT_TRUE(again.completed()) << why(again.client) << " / " << why(again.server);
  EXPECT_TRUE(again.server.negotiated().resumed);
  expect_data_both_ways(again.client, again.server);
}

INSTANTIATE_TEST_SUITE_P(Kinds, Ssl2EveryKind, testing::ValuesIn(ssl2_test::available_kinds()),
                         [](const auto& info) {
                           return openssl_name(info.param).substr(0, 3) +
                                  std::to_string(static_cast<uint32_t>(info.param));
                         });

TEST(Ssl2Handshake, ServerPrefersItsOwnOrderAmongTheClientsKinds) {
  auto server = ssl2_test::server();
  server->ssl2_cipher_kinds = {Ssl2CipherKind::des_192_ede3_cbc_with_md5};
  auto p = handshake(ssl2_test::client(ssl2_test::available_kinds()), server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(p.client.negotiated().ssl2_cipher_kind, Ssl2CipherKind::des_192_ede3_cbc_with_md5);
}

TEST(Ssl2Handshake, NoCommonKindIsNoCipherError) {
  auto server = ssl2_test::server();
  server->ssl2_cipher_kinds = {Ssl2CipherKind::des_192_ede3_cbc_with_md5};
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}), server);
  EXPECT_FALSE(p.completed());
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::handshake_failure);
  EXPECT_EQ(p.client.peer_alert(), AlertDescription::handshake_failure);  // ERROR NO-CIPHER
}

// SSL 2.0 spec §2.7: a client without a certificate answers
// REQUEST-CERTIFICATE with ERROR NO-CERTIFICATE, which is recoverable: the
// client waits for the server's decision. A server that requires one closes.
TEST(Ssl2Handshake, RequiredClientAuthClosesOnNoCertificateError) {
  auto server = ssl2_test::server();
  server->client_auth = ClientAuth::required;
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}), server);
  EXPECT_FALSE(p.completed());
  EXPECT_FALSE(p.client.error()) << why(p.client);  // it sent the ERROR and waited
  EXPECT_EQ(p.server.peer_alert(), AlertDescription::no_certificate);
  EXPECT_EQ(p.server.state(), ConnectionState::closed);
}

// One that only asks goes on without a client certificate.
TEST(Ssl2Handshake, OptionalClientAuthGoesOnAfterNoCertificateError) {
  auto server = ssl2_test::server();
  server->client_auth = ClientAuth::optional;
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}), server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_TRUE(p.server.negotiated().peer_chain.empty());
  expect_data_both_ways(p.client, p.server);
}

// And a client that has one sends it under optional too.
TEST(Ssl2Handshake, OptionalClientAuthTakesACertificate) {
  auto server = ssl2_test::server();
  server->client_auth = ClientAuth::optional;
  auto client = ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5});
  client->identities = {test_identity("client-rsa")};
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.server.negotiated().peer_chain.empty());
}

// RFC 6101 E.2: our client that also speaks SSL 3.0+ marks its block; a
// server that speaks only SSL 2.0 accepts it, one that speaks SSL 3.0+
// takes it for a rollback, so its keys differ and CLIENT-FINISHED fails.
TEST(Ssl2Handshake, RollbackGuardPassesAnSsl2OnlyServer) {
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}, ProtocolVersion::tls12),
                     ssl2_test::server(ProtocolVersion::ssl2));
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
}

TEST(Ssl2Handshake, RollbackGuardStopsAServerThatSpeaksTls) {
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}, ProtocolVersion::tls12),
                     ssl2_test::server(ProtocolVersion::tls12));
  EXPECT_FALSE(p.completed());
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::bad_record_mac);
}

TEST(Ssl2Handshake, GuardlessClientPassesAServerThatSpeaksTls) {
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}),
                     ssl2_test::server(ProtocolVersion::tls12));
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
}

TEST(Ssl2Handshake, ServerWithSsl2InRangeStillSpeaksTls) {
  for (const bool compatible_hello : {false, true}) {
    auto client = test_support::client_config();
    client->ssl2_compatible_hello = compatible_hello;
    auto p = handshake(client, ssl2_test::server(ProtocolVersion::tls12));
    ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
    EXPECT_EQ(p.server.negotiated().version, ProtocolVersion::tls12);
  }
}

TEST(Ssl2Handshake, ServerWithoutSsl2RefusesNativeHello) {
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}),
                     test_support::server_config());
  EXPECT_FALSE(p.completed());
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::protocol_version);
  EXPECT_EQ(p.client.peer_alert(), AlertDescription::protocol_version);
}

TEST(Ssl2Handshake, CloseEndsWithoutAMessage) {
  auto p = handshake(ssl2_test::client({Ssl2CipherKind::rc4_128_with_md5}), ssl2_test::server());
  ASSERT_TRUE(p.completed());
  p.client.close();
  EXPECT_EQ(p.client.state(), ConnectionState::closed);
  EXPECT_FALSE(p.client.has_output());
  EXPECT_FALSE(p.client.write(Bytes{1}).ok());
  EXPECT_FALSE(p.server.renegotiate().ok());
}

}  // namespace
}  // namespace gauntlet
