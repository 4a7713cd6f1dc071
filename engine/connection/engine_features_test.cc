// Engine against engine: resumption by session ID and ticket, refusal and
// fallback to a full handshake, client auth in every version (SSL 3.0's
// no_certificate alert included), the SSLv2-compatible hello, fragment
// limits, SNI, key logs. Renegotiation: engine_renegotiation_test.
#include <gtest/gtest.h>

#include "engine/key_schedule/keylog.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using namespace test_support;

class Resume : public testing::TestWithParam<std::tuple<ProtocolVersion, bool>> {
 protected:
  ProtocolVersion version() const { return std::get<0>(GetParam()); }
  bool tickets() const { return std::get<1>(GetParam()); }
  std::shared_ptr<Config> server(uint64_t seed = 1) {
    auto s = server_config(seed);
    if (!tickets()) s->ticket_keys.reset();
    return s;
  }
};

TEST_P(Resume, AbbreviatedHandshakeKeepsSuiteAndVersion) {
  auto c = version_client(version());
  auto s = server();
  auto first = handshake(c, s);
  ASSERT_TRUE(first.completed()) << why(first.client) << why(first.server);
  ASSERT_TRUE(first.client.session());
  EXPECT_EQ(first.client.session()->ticket.empty(), !tickets() || version() == ProtocolVersion::ssl3);

  auto second = handshake(c, s, {"localhost", first.client.session()});
  ASSERT_TRUE(second.completed()) << why(second.client) << why(second.server);
  EXPECT_TRUE(second.client.negotiated().resumed);
  EXPECT_TRUE(second.server.negotiated().resumed);
  EXPECT_EQ(second.client.negotiated().suite, first.client.negotiated().suite);
  EXPECT_EQ(second.client.negotiated().version, version());
  EXPECT_EQ(second.server.negotiated().master_secret, first.server.negotiated().master_secret);
  EXPECT_NE(second.server.negotiated().client_random, first.server.negotiated().client_random);
  ASSERT_TRUE(second.client.write(Bytes{'r'}).ok());
  ASSERT_TRUE(pump(second.client, second.server));
  EXPECT_EQ(second.server.read(), Bytes{'r'});
}

TEST_P(Resume, ServerThatForgotFallsBackToFull) {
  auto c = version_client(version());
  auto first = handshake(c, server(1));
  // Another server: its own random, ticket keys and empty cache.
  auto second = handshake(c, server(9), {"localhost", first.client.session()});
  ASSERT_TRUE(second.completed()) << why(second.client) << why(second.server);
  EXPECT_FALSE(second.client.negotiated().resumed);
  EXPECT_NE(second.client.negotiated().master_secret, first.client.negotiated().master_secret);
}

TEST_P(Resume, ChangedSuiteIsNeverResumed) {
  auto c = version_client(version());
  auto s = server();
  auto first = handshake(c, s);
  // The server no longer allows the session's suite.
  auto s2 = std::make_shared<Config>(*s);
  std::erase(s2->cipher_suites, first.client.negotiated().suite);
  auto second = handshake(c, s2, {"localhost", first.client.session()});
  ASSERT_TRUE(second.completed()) << why(second.client) << why(second.server);
  EXPECT_FALSE(second.client.negotiated().resumed);
  EXPECT_NE(second.client.negotiated().suite, first.client.negotiated().suite);
}

INSTANTIATE_TEST_SUITE_P(
    VersionsAndMechanisms, Resume,
    testing::Combine(testing::Values(ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                     ProtocolVersion::tls11, ProtocolVersion::tls12),
                     testing::Bool()),
    [](const auto& info) {
      return "v" + std::to_string(static_cast<int>(std::get<0>(info.param)) & 0xff) +
             (std::get<1>(info.param) ? "_ticket" : "_session_id");
    });

TEST(Resumption, ChangedServerNameIsNeverResumed) {
  auto c = client_config();
  auto s = server_config();
  auto first = handshake(c, s);
  auto second = handshake(c, s, {"127.0.0.1", first.client.session()});
  ASSERT_TRUE(second.completed()) << why(second.client) << why(second.server);
  EXPECT_FALSE(second.client.negotiated().resumed);
}

TEST(Resumption, SessionEndedByFatalAlertIsNotResumed) {
  auto c = client_config();
  auto s = server_config();
  s->ticket_keys.reset();
  auto first = handshake(c, s);
  const Session session = *first.client.session();
  ASSERT_EQ(s->session_cache->size(), 1u);
  // A garbage record makes the server end the session with a fatal alert.
  (void)first.server.receive(Bytes{23, 3, 3, 0, 1, 0});
  ASSERT_TRUE(first.server.error());
  EXPECT_EQ(s->session_cache->size(), 0u);
  auto second = handshake(c, s, {"localhost", session});
  ASSERT_TRUE(second.completed());
  EXPECT_FALSE(second.client.negotiated().resumed);
}

TEST(Resumption, RotatedTicketKeysStillOpenOldTickets) {
  auto c = client_config();
  auto s = server_config();
  s->session_cache.reset();
  auto first = handshake(c, s);
  s->ticket_keys->rotate(TicketKey::generate(*s->random));
  auto second = handshake(c, s, {"localhost", first.client.session()});
  ASSERT_TRUE(second.completed());
  EXPECT_TRUE(second.client.negotiated().resumed);
  // The resumed connection got a ticket under the new key.
  EXPECT_NE(second.client.session()->ticket, first.client.session()->ticket);
}

TEST(Resumption, TicketUnderTheNewestKeyIsKept) {
  auto c = client_config();
  auto s = server_config();
  s->session_cache.reset();
  auto first = handshake(c, s);
  auto second = handshake(c, s, {"localhost", first.client.session()});
  ASSERT_TRUE(second.completed());
  EXPECT_TRUE(second.client.negotiated().resumed);
  EXPECT_EQ(second.client.session()->ticket, first.client.session()->ticket);
  auto third = handshake(c, s, {"localhost", second.client.session()});
  EXPECT_TRUE(third.client.negotiated().resumed);
}

TEST(Resumption, ExpiredSessionIsNotResumed) {
  auto c = client_config();
  auto s = server_config();
  s->session_lifetime = 10;
  auto first = handshake(c, s);
  auto later = std::make_shared<Config>(*s);
  later->clock = std::make_shared<FixedClock>(kTestNow + 11);
  auto second = handshake(c, later, {"localhost", first.client.session()});
  ASSERT_TRUE(second.completed());
  EXPECT_FALSE(second.client.negotiated().resumed);
}

class ClientAuthEveryVersion : public testing::TestWithParam<ProtocolVersion> {};

TEST_P(ClientAuthEveryVersion, WithCertificate) {
  auto c = version_client(GetParam());
  c->identities = {test_identity("client-rsa")};
  auto s = server_config();
  s->client_auth = ClientAuth::required;
  auto p = handshake(c, s);
  ASSERT_TRUE(p.completed()) << why(p.client) << why(p.server);
  ASSERT_FALSE(p.server.negotiated().peer_chain.empty());
  EXPECT_NE(p.server.negotiated().peer_chain[0].subject().find("client-rsa"), std::string::npos);
}

TEST_P(ClientAuthEveryVersion, WithoutCertificateWhenOptional) {
  auto s = server_config();
  s->client_auth = ClientAuth::optional;
  auto p = handshake(version_client(GetParam()), s);
  ASSERT_TRUE(p.completed()) << why(p.client) << why(p.server);
  EXPECT_TRUE(p.server.negotiated().peer_chain.empty());
}

TEST_P(ClientAuthEveryVersion, WithoutCertificateWhenRequired) {
  auto s = server_config();
  s->client_auth = ClientAuth::required;
  auto p = handshake(version_client(GetParam()), s);
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::handshake_failure);
  EXPECT_EQ(p.client.peer_alert(), AlertDescription::handshake_failure);
}

INSTANTIATE_TEST_SUITE_P(Versions, ClientAuthEveryVersion,
                         testing::Values(ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                         ProtocolVersion::tls11, ProtocolVersion::tls12));

TEST(ClientAuth, EcdsaAndDsaClientKeys) {
  for (const std::string name : {"server-ecdsa", "server-dsa"}) {
    auto c = client_config();
    c->identities = {test_identity(name)};
    auto s = server_config();
    s->client_auth = ClientAuth::required;
    s->trust = c->trust;
    auto p = handshake(c, s);
    // Those leaves carry serverAuth only: verification refuses them as
    // client certificates, after the signature scheme was agreed.
    ASSERT_TRUE(p.server.error()) << name;
    EXPECT_EQ(p.server.error()->alert, AlertDescription::unsupported_certificate) << name;
    s->trust.reset();
    auto q = handshake(c, s);
    ASSERT_TRUE(q.completed()) << name << ": " << why(q.client) << why(q.server);
  }
}

TEST(Ssl2CompatibleHello, NegotiatesTls) {
  for (const ProtocolVersion v :
       {ProtocolVersion::tls10, ProtocolVersion::tls11, ProtocolVersion::tls12}) {
    auto c = version_client(v);
    c->ssl2_compatible_hello = true;
    c->cipher_suites = {CipherSuite::rsa_with_aes_128_cbc_sha};
    auto p = handshake(c, server_config());
    ASSERT_TRUE(p.completed()) << iana_name(v) << ": " << why(p.client) << why(p.server);
    EXPECT_EQ(p.server.negotiated().version, v);
    EXPECT_TRUE(p.server.negotiated().secure_renegotiation);
  }
}

TEST(FragmentLimits, MaxFragmentLengthBindsBothWays) {
  auto c = client_config();
  c->max_fragment_length = 1;  // 512 bytes
  auto p = handshake(c, server_config());
  ASSERT_TRUE(p.completed()) << why(p.client) << why(p.server);
  EXPECT_EQ(p.client.negotiated().max_send_fragment, 512u);
  EXPECT_EQ(p.server.negotiated().max_send_fragment, 512u);
  ASSERT_TRUE(p.server.write(Bytes(3000, 'q')).ok());
  const Bytes wire = p.server.take_output();
  EXPECT_GT(wire.size(), 3000u + 6 * 5);  // at least six records
  ASSERT_TRUE(p.client.receive(wire).ok());
  EXPECT_EQ(p.client.read(), Bytes(3000, 'q'));
}

TEST(FragmentLimits, RecordSizeLimitTakesPrecedence) {
  auto c = client_config();
  c->max_fragment_length = 1;
  c->record_size_limit = 1000;
  auto s = server_config();
  s->record_size_limit = 2000;
  auto p = handshake(c, s);
  ASSERT_TRUE(p.completed()) << why(p.client) << why(p.server);
  EXPECT_EQ(p.server.negotiated().max_send_fragment, 1000u);
  EXPECT_EQ(p.client.negotiated().max_send_fragment, 2000u);
}

TEST(ServerName, ChoosesTheIdentityForTheSuite) {
  auto c = client_config();
  c->cipher_suites = {CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256};
  auto p = handshake(c, server_config());
  ASSERT_TRUE(p.completed());
  EXPECT_NE(p.client.negotiated().peer_chain[0].subject().find("server-ecdsa"), std::string::npos);
  EXPECT_EQ(p.server.negotiated().server_name, "localhost");
}

// RFC 6066 §3: a host_name that is no DNS name (control bytes, over 255
// bytes) is refused with illegal_parameter, never carried on.
TEST(ServerName, MalformedHostNameIsIllegalParameter) {
  for (const std::string& name : {std::string("evil\n\x1b[31mname"), std::string(300, 'a')}) {
    auto p = handshake(client_config(), server_config(), {name, std::nullopt});
    EXPECT_FALSE(p.completed());
    ASSERT_TRUE(p.server.error()) << name.size();
    EXPECT_EQ(p.server.error()->alert, AlertDescription::illegal_parameter);
    EXPECT_EQ(p.client.peer_alert(), AlertDescription::illegal_parameter);
  }
}

// RFC 6066 §3: an address is no HostName, so it is not sent; the chain is
// still verified against it (the test leaf names 127.0.0.1, not ::1).
TEST(ServerName, AddressIsVerifiedButNotSent) {
  auto ok = handshake(client_config(), server_config(), {"127.0.0.1", std::nullopt});
  ASSERT_TRUE(ok.completed()) << why(ok.client) << why(ok.server);
  EXPECT_EQ(ok.server.negotiated().server_name, "");
  auto wrong = handshake(client_config(), server_config(), {"::1", std::nullopt});
  EXPECT_FALSE(wrong.completed());
  ASSERT_TRUE(wrong.client.error());
  EXPECT_EQ(wrong.client.error()->alert, AlertDescription::bad_certificate);
}

TEST(Identity, KeyThatIsNotTheCertificatesIsRefusedAtLoad) {
  const std::string pki = "engine/crypto/testdata/";
  EXPECT_TRUE(load_identity(pki + "server-rsa-chain.pem", pki + "server-rsa.key").ok());
  auto mismatch = load_identity(pki + "server-rsa-chain.pem", pki + "server-ecdsa.key");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.error().reason.find("does not match"), std::string::npos);
}

TEST(KeyLog, BothSidesLogTheSameNssLine) {
  std::vector<std::string> client_lines, server_lines;
  auto c = client_config();
  c->keylog = [&](std::string_view l) { client_lines.emplace_back(l); };
  auto s = server_config();
  s->keylog = [&](std::string_view l) { server_lines.emplace_back(l); };
  auto p = handshake(c, s);
  ASSERT_EQ(client_lines.size(), 1u);
  EXPECT_EQ(client_lines, server_lines);
  EXPECT_EQ(client_lines[0], keylog_line("CLIENT_RANDOM", p.client.negotiated().client_random,
                                             p.client.negotiated().master_secret));
  EXPECT_EQ(client_lines[0].rfind("CLIENT_RANDOM ", 0), 0u);
  EXPECT_EQ(client_lines[0].size(), 14 + 64 + 1 + 96u);
}

TEST(Alerts, CloseNotifyIsAnsweredAndWritesStop) {
  auto p = handshake(client_config(), server_config());
  p.server.close();
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_TRUE(p.client.peer_closed());
  EXPECT_EQ(p.client.state(), ConnectionState::closed);
  EXPECT_FALSE(p.client.write(Bytes{1}).ok());
}

TEST(Alerts, ApplicationDataIsRefusedBeforeTheHandshake) {
  Connection c = Connection::client(client_config(), {"localhost", std::nullopt});
  EXPECT_FALSE(c.write(Bytes{1}).ok());
}

TEST(BufferLimit, UnreadDataStopsReadingThenOverflowFails) {
  auto c = client_config();
  c->max_buffered = 3500;
  auto p = handshake(c, server_config());
  ASSERT_TRUE(p.server.write(Bytes(1000, 'a')).ok());
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(p.server.write(Bytes(1000, 'b')).ok());
  ASSERT_TRUE(p.client.receive(p.server.take_output()).ok());
  // Four records pass the limit; the fifth waits.
  EXPECT_EQ(p.client.read().size(), 4000u);
  ASSERT_TRUE(p.client.receive({}).ok());
  EXPECT_EQ(p.client.read().size(), 1000u);

  for (int i = 0; i < 30; ++i) ASSERT_TRUE(p.server.write(Bytes(1000, 'c')).ok());
  auto st = p.client.receive(p.server.take_output());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().alert, AlertDescription::internal_error);
  EXPECT_EQ(p.client.state(), ConnectionState::closed);
}

TEST(FuzzerMode, IsRefusedOutsideTheFuzzingBuild) {
  auto c = client_config();
  c->fuzzer_mode = true;
  Connection client = Connection::client(c, {"localhost", std::nullopt});
  ASSERT_TRUE(client.error());
  EXPECT_EQ(client.error()->alert, AlertDescription::internal_error);
  // An internal_error alert, never a ClientHello.
  EXPECT_EQ(client.take_output().at(0), static_cast<uint8_t>(ContentType::alert));
  auto s = server_config();
  s->fuzzer_mode = true;
  Connection server = Connection::server(s);
  EXPECT_FALSE(server.receive(Bytes{22, 3, 1, 0, 0}).ok());
}

}  // namespace
}  // namespace gauntlet
