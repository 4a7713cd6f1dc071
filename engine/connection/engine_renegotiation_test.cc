// Engine against engine: renegotiation (RFC 5746) from either side in every
// version, refusals by policy and by limit (the no_renegotiation warning,
// the connection carrying on), and legacy peers without renegotiation_info.
#include <gtest/gtest.h>

#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using namespace test_support;

class RenegotiationEveryVersion : public testing::TestWithParam<ProtocolVersion> {};

TEST_P(RenegotiationEveryVersion, ClientStartedCompletesAndCarriesData) {
  auto p = handshake(version_client(GetParam()), server_config());
  ASSERT_TRUE(p.client.renegotiate().ok());
  ASSERT_TRUE(p.client.write(Bytes{'m'}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.client.negotiated().handshakes, 2) << why(p.client) << why(p.server);
  EXPECT_EQ(p.server.negotiated().handshakes, 2);
  EXPECT_EQ(p.server.read(), Bytes{'m'});
  EXPECT_EQ(p.client.negotiated().master_secret, p.server.negotiated().master_secret);
}

TEST_P(RenegotiationEveryVersion, ServerStartedCompletes) {
  auto p = handshake(version_client(GetParam()), server_config());
  ASSERT_TRUE(p.server.renegotiate().ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.client.negotiated().handshakes, 2) << why(p.client) << why(p.server);
  EXPECT_EQ(p.server.negotiated().handshakes, 2);
}

INSTANTIATE_TEST_SUITE_P(Versions, RenegotiationEveryVersion,
                         testing::Values(ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                         ProtocolVersion::tls11, ProtocolVersion::tls12));

// RFC 5077 §3.2: a renegotiating client asks for a ticket for the new
// session with an empty SessionTicket extension, as in any full handshake;
// a server then sends NewSessionTicket only if its ServerHello said so
// (§3.3), and the ticket resumes the renegotiated session.
TEST(Renegotiation, ClientAsksForATicketForTheNewSession) {
  const auto client = client_config();
  const auto server = server_config();
  auto p = handshake(client, server);
  ASSERT_TRUE(p.client.session() && !p.client.session()->ticket.empty());
  const Bytes first = p.client.session()->ticket;
  ASSERT_TRUE(p.client.renegotiate().ok());
  ASSERT_TRUE(pump(p.client, p.server));
  ASSERT_EQ(p.client.negotiated().handshakes, 2) << why(p.client) << why(p.server);
  ASSERT_TRUE(p.client.session());
  EXPECT_FALSE(p.client.session()->ticket.empty());
  EXPECT_NE(p.client.session()->ticket, first);
  auto again = handshake(client, server, {"localhost", p.client.session()});
  EXPECT_TRUE(again.client.negotiated().resumed) << why(again.client) << why(again.server);
  EXPECT_EQ(again.client.negotiated().master_secret, p.client.negotiated().master_secret);
}

TEST(Renegotiation, ClientRefusingByPolicyKeepsTheConnection) {
  auto c = client_config();
  c->renegotiation = RenegotiationPolicy::refuse;
  auto p = handshake(c, server_config());
  ASSERT_TRUE(p.server.renegotiate().ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.client.negotiated().handshakes, 1);
  EXPECT_FALSE(p.server.handshaking());
  ASSERT_TRUE(p.client.write(Bytes{'k'}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes{'k'});
}

TEST(Renegotiation, ServerRefusingByPolicyKeepsTheConnection) {
  auto s = server_config();
  s->renegotiation = RenegotiationPolicy::refuse;
  auto p = handshake(client_config(), s);
  ASSERT_TRUE(p.client.renegotiate().ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.client.negotiated().handshakes, 1);
  EXPECT_FALSE(p.client.handshaking());
  EXPECT_EQ(p.client.state(), ConnectionState::established);
  EXPECT_EQ(p.client.peer_warnings(), std::vector{AlertDescription::no_renegotiation});
  EXPECT_EQ(p.client.peer_alert(), std::nullopt);
}

// A client renegotiating past the server's limit gets the no_renegotiation
// warning (the client then drops its handshake: a fatal alert would close
// the connection, silence would leave the client handshaking) and the
// connection carries on.
TEST(Renegotiation, ServerLimitAnswersEachExtraRequestWithTheWarning) {
  auto s = server_config();
  s->max_renegotiations = 2;
  auto p = handshake(client_config(), s);
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(p.client.renegotiate().ok()) << i;
    ASSERT_TRUE(pump(p.client, p.server)) << i;
    EXPECT_FALSE(p.client.handshaking()) << i << ": " << why(p.client);
    EXPECT_EQ(p.client.state(), ConnectionState::established) << i;
  }
  EXPECT_EQ(p.server.negotiated().handshakes, 3);
  EXPECT_EQ(p.client.negotiated().handshakes, 3);
  ASSERT_TRUE(p.client.write(Bytes{'z'}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes{'z'});
  // The server will not start one past its limit either.
  auto own = p.server.renegotiate();
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().alert, AlertDescription::no_renegotiation);
}

TEST(Renegotiation, ClientLimitAnswersAHelloRequestWithTheWarning) {
  auto c = client_config();
  c->max_renegotiations = 1;
  auto p = handshake(c, server_config());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(p.server.renegotiate().ok()) << i;
    ASSERT_TRUE(pump(p.client, p.server)) << i;
    EXPECT_FALSE(p.server.handshaking()) << i << ": " << why(p.server);
    EXPECT_EQ(p.server.state(), ConnectionState::established) << i;
  }
  EXPECT_EQ(p.client.negotiated().handshakes, 2);
  EXPECT_EQ(p.server.negotiated().handshakes, 2);
}

class LegacyPeer : public testing::TestWithParam<Role> {};

TEST_P(LegacyPeer, RenegotiationOnlyWhenInsecureIsAllowed) {
  for (const auto policy : {RenegotiationPolicy::secure, RenegotiationPolicy::allow_insecure}) {
    auto c = client_config();
    auto s = server_config();
    (GetParam() == Role::client ? c : s)->secure_renegotiation = false;
    c->renegotiation = s->renegotiation = policy;
    auto p = handshake(c, s);
    ASSERT_TRUE(p.completed());
    EXPECT_FALSE(p.client.negotiated().secure_renegotiation);
    EXPECT_FALSE(p.server.negotiated().secure_renegotiation);
    const bool allowed = policy == RenegotiationPolicy::allow_insecure;
    // The side asking refuses itself when the policy forbids it.
    EXPECT_EQ(p.client.renegotiate().ok(), allowed);
    ASSERT_TRUE(pump(p.client, p.server));
    EXPECT_EQ(p.server.negotiated().handshakes, allowed ? 2 : 1) << why(p.server);
    EXPECT_EQ(p.client.state(), ConnectionState::established);
  }
}

TEST_P(LegacyPeer, ServerRefusesAnInsecureClientHelloByPolicy) {
  auto c = client_config();
  auto s = server_config();
  (GetParam() == Role::client ? c : s)->secure_renegotiation = false;
  c->renegotiation = RenegotiationPolicy::allow_insecure;
  auto p = handshake(c, s);
  ASSERT_TRUE(p.client.renegotiate().ok());
  ASSERT_TRUE(pump(p.client, p.server));
  // The server's policy (secure only) answers no_renegotiation; both carry on.
  EXPECT_EQ(p.server.negotiated().handshakes, 1);
  EXPECT_EQ(p.client.negotiated().handshakes, 1);
  EXPECT_EQ(p.client.state(), ConnectionState::established);
}

INSTANTIATE_TEST_SUITE_P(EitherSide, LegacyPeer, testing::Values(Role::client, Role::server),
                         [](const auto& info) {
                           return info.param == Role::client ? "client" : "server";
                         });

}  // namespace
}  // namespace gauntlet
