// Our TLS 1.3 after the handshake against OpenSSL's libssl in process, both
// roles: resumption from each other's tickets in psk_dhe_ke and psk_ke
// (RFC 8446 §2.2, §4.2.9), and KeyUpdate either way with and without
// update_requested (§4.6.3).
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

OpenSslOptions openssl_tls13() {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  return o;
}

OpenSslPeer openssl_server() {
  OpenSslOptions o = openssl_tls13();
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  return OpenSslPeer::server(o);
}

OpenSslPeer openssl_client() {
  OpenSslOptions o = openssl_tls13();
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  return OpenSslPeer::client(o);
}

// KeyUpdate messages our side received and sent.
struct KeyUpdates {
  std::shared_ptr<int> received = std::make_shared<int>(0);
  std::shared_ptr<int> sent = std::make_shared<int>(0);

  void watch(Config& c) const {
    c.on_message = [n = received](HandshakeType t) { *n += t == HandshakeType::key_update; };
    c.on_message_sent = [n = sent](HandshakeType t) { *n += t == HandshakeType::key_update; };
  }
};

// Our connection in `role` handshaken with OpenSSL, key updates watched.
struct Pair {
  Connection ours;
  OpenSslPeer theirs;
};

Pair connected(Role ours, const KeyUpdates& watch) {
  auto config = ours == Role::client ? tls13_client() : tls13_server();
  watch.watch(*config);
  Pair p{ours == Role::client ? Connection::client(config, {"localhost", std::nullopt})
                              : Connection::server(config),
         ours == Role::client ? openssl_server() : openssl_client()};
  EXPECT_TRUE(p.theirs.ok());
  EXPECT_TRUE(pump(p.ours, p.theirs));
  EXPECT_TRUE(p.ours.handshake_done()) << why(p.ours);
  return p;
}

void expect_data_both_ways(Pair& p) {
  ASSERT_TRUE(p.ours.write(Bytes{'u', 's'}).ok()) << why(p.ours);
  ASSERT_TRUE(pump(p.ours, p.theirs));
  EXPECT_EQ(p.theirs.take_received(), "us");
  p.theirs.write("them");
  ASSERT_TRUE(pump(p.ours, p.theirs));
  EXPECT_EQ(p.ours.read(), (Bytes{'t', 'h', 'e', 'm'})) << why(p.ours);
  EXPECT_FALSE(p.theirs.failed());
}

// The mode our side offers or takes, and OpenSSL's leave to do without
// (EC)DHE (SSL_OP_ALLOW_NO_DHE_KEX) for psk_ke.
class OpenSslResumption : public testing::TestWithParam<PskKeyExchangeMode> {
 protected:
  bool psk_ke() const { return GetParam() == PskKeyExchangeMode::psk_ke; }
  void allow(SSL* ssl) const {
    if (psk_ke()) SSL_CTX_set_options(SSL_get_SSL_CTX(ssl), SSL_OP_ALLOW_NO_DHE_KEX);
  }
  void expect_resumed(const Connection& ours, const OpenSslPeer& theirs) const {
    ASSERT_TRUE(ours.handshake_done()) << why(ours);
    EXPECT_TRUE(ours.negotiated().resumed);
    EXPECT_EQ(ours.negotiated().psk_mode, GetParam());
    EXPECT_EQ(SSL_session_reused(theirs.ssl()), 1);
  }
};

TEST_P(OpenSslResumption, OurClientResumesOpenSslsTicket) {
  OpenSslPeer server = openssl_server();
  ASSERT_TRUE(server.ok());
  allow(server.ssl());
  auto config = tls13_client();
  config->psk_modes = {GetParam()};
  auto first = Connection::client(config, {"localhost", std::nullopt});
  ASSERT_TRUE(pump(first, server));
  ASSERT_EQ(first.tickets().size(), 2u) << why(first);
  for (const Session& ticket : first.tickets()) {
    OpenSslPeer again = server.next_connection();
    auto second = Connection::client(config, {"localhost", ticket});
    ASSERT_TRUE(pump(second, again));
    expect_resumed(second, again);
  }
}

TEST_P(OpenSslResumption, OpenSslResumesOurTicket) {
  OpenSslPeer client = openssl_client();
  ASSERT_TRUE(client.ok());
  allow(client.ssl());
  auto config = tls13_server();
  config->psk_modes = {GetParam()};
  auto first = Connection::server(config);
  ASSERT_TRUE(pump(first, client));
  ASSERT_TRUE(first.handshake_done()) << why(first);
  OpenSslPtr<SSL_SESSION, SSL_SESSION_free> session(SSL_get1_session(client.ssl()));
  ASSERT_EQ(SSL_SESSION_is_resumable(session.get()), 1);
  OpenSslPeer again = client.next_connection(session.get());
  auto second = Connection::server(config);
  ASSERT_TRUE(pump(second, again));
  expect_resumed(second, again);
  again.write("resumed");
  ASSERT_TRUE(pump(second, again));
  EXPECT_EQ(second.read().size(), 7u);
}

INSTANTIATE_TEST_SUITE_P(BothModes, OpenSslResumption,
                         testing::Values(PskKeyExchangeMode::psk_dhe_ke,
                                         PskKeyExchangeMode::psk_ke),
                         [](const testing::TestParamInfo<PskKeyExchangeMode>& info) {
                           return info.param == PskKeyExchangeMode::psk_ke ? "PskKe" : "PskDheKe";
                         });

// Who asks for the update and whether the other side is to answer: the
// KeyUpdates our side then sends and receives.
struct KeyUpdateCase {
  const char* name;
  bool ours;  // our side updates; else OpenSSL does
  bool requested;
  int sent, received;
};

constexpr KeyUpdateCase kKeyUpdateCases[] = {
    {"OursNotRequested", true, false, 1, 0},
    {"OursRequestedIsAnswered", true, true, 1, 1},
    {"TheirsNotRequested", false, false, 0, 1},
    {"TheirsRequestedWeAnswer", false, true, 1, 1},
};

class OpenSslKeyUpdate : public testing::TestWithParam<std::tuple<Role, KeyUpdateCase>> {};

TEST_P(OpenSslKeyUpdate, BothWaysAndAnswered) {
  const auto& [role, c] = GetParam();
  KeyUpdates ku;
  Pair p = connected(role, ku);
  if (c.ours) {
    ASSERT_TRUE(p.ours.update_keys(c.requested ? KeyUpdateRequest::update_requested
                                               : KeyUpdateRequest::update_not_requested)
                    .ok());
  } else {
    ASSERT_EQ(SSL_key_update(p.theirs.ssl(), c.requested ? SSL_KEY_UPDATE_REQUESTED
                                                         : SSL_KEY_UPDATE_NOT_REQUESTED),
              1);
    // OpenSSL sends its KeyUpdate with its next record.
    p.theirs.write("first");
    ASSERT_TRUE(pump(p.ours, p.theirs));
    EXPECT_EQ(p.ours.read(), (Bytes{'f', 'i', 'r', 's', 't'})) << why(p.ours);
  }
  expect_data_both_ways(p);
  EXPECT_EQ(*ku.sent, c.sent);
  EXPECT_EQ(*ku.received, c.received);
}

INSTANTIATE_TEST_SUITE_P(
    BothRoles, OpenSslKeyUpdate,
    testing::Combine(testing::Values(Role::client, Role::server),
                     testing::ValuesIn(kKeyUpdateCases)),
    [](const testing::TestParamInfo<std::tuple<Role, KeyUpdateCase>>& info) {
      return std::string(std::get<0>(info.param) == Role::client ? "OurClient_" : "OurServer_") +
             std::get<1>(info.param).name;
    });

}  // namespace
}  // namespace gauntlet
