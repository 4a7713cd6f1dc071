// Config::certificate_pool in the engine: connections on one Config share
// the decoded certificates of a peer chain they receive again, a client its
// server's (TLS 1.2 and 1.3) and a server its clients' — while each chain is
// still verified on every handshake: a pooled chain under another name or
// another root fails as a freshly decoded one does.
#include <gtest/gtest.h>

#include <memory>

#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::test_identity;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

std::shared_ptr<Config> rsa_server() {
  auto s = tls13_server();
  s->identities = {test_identity("server-rsa")};
  return s;
}

void expect_same_objects(const std::vector<Certificate>& a, const std::vector<Certificate>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].get(), b[i].get()) << "certificate " << i;
}

class ServerChain : public testing::TestWithParam<ProtocolVersion> {};

TEST_P(ServerChain, DecodedOnceForEveryConnectionOfAConfig) {
  auto client = tls13_client();
  client->min_version = client->max_version = GetParam();
  const auto server = rsa_server();
  auto first = handshake(client, server);
  auto second = handshake(client, server);
  ASSERT_TRUE(first.completed() && second.completed()) << why(first.client) << why(second.client);
  ASSERT_EQ(second.client.negotiated().version, GetParam());
  ASSERT_EQ(first.client.negotiated().peer_chain.size(), 2u);
  expect_same_objects(first.client.negotiated().peer_chain,
                      second.client.negotiated().peer_chain);
  EXPECT_EQ(client->certificate_pool->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Versions, ServerChain,
                         testing::Values(ProtocolVersion::tls12, ProtocolVersion::tls13));

TEST(PeerCertificatePool, PooledChainIsStillVerifiedForTheName) {
  const auto client = tls13_client();
  const auto server = rsa_server();
  ASSERT_TRUE(handshake(client, server).completed());
  auto other = handshake(client, server, ClientOptions{"other.example", std::nullopt});
  ASSERT_TRUE(other.client.error().has_value());
  EXPECT_EQ(other.client.error()->alert, AlertDescription::bad_certificate) << why(other.client);
}

TEST(PeerCertificatePool, PooledChainIsStillVerifiedAgainstTheTrustAnchors) {
  auto client = tls13_client();
  const auto server = rsa_server();
  ASSERT_TRUE(handshake(client, server).completed());
  auto other_root = std::make_shared<TrustStore>();
  ASSERT_TRUE(other_root->add_file("engine/crypto/testdata/ecdsa-root-ca.pem").ok());
  client->trust = other_root;
  auto p = handshake(client, server);
  ASSERT_TRUE(p.client.error().has_value());
  EXPECT_EQ(p.client.error()->alert, AlertDescription::unknown_ca) << why(p.client);
}

TEST(PeerCertificatePool, WithoutAPoolEachConnectionDecodesItsOwn) {
  auto client = tls13_client();
  client->certificate_pool = nullptr;
  const auto server = rsa_server();
  auto first = handshake(client, server);
  auto second = handshake(client, server);
  ASSERT_TRUE(first.completed() && second.completed());
  EXPECT_NE(first.client.negotiated().peer_chain.front().get(),
            second.client.negotiated().peer_chain.front().get());
}

TEST(PeerCertificatePool, ServerSharesAClientChainItSeesAgain) {
  auto client = tls13_client();
  client->identities = {test_identity("client-rsa")};
  auto server = rsa_server();
  server->client_auth = ClientAuth::required;
  auto first = handshake(client, server);
  auto second = handshake(client, server);
  ASSERT_TRUE(first.completed() && second.completed()) << why(first.server) << why(second.server);
  ASSERT_FALSE(first.server.negotiated().peer_chain.empty());
  expect_same_objects(first.server.negotiated().peer_chain,
                      second.server.negotiated().peer_chain);
}

}  // namespace
}  // namespace gauntlet
