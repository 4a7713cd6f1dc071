// TLS 1.3 0-RTT against OpenSSL's libssl in process, both roles (RFC 8446
// §2.3, §4.2.10): our client's early data taken by an OpenSSL server that
// reads it (SSL_read_early_data) or refused by one that takes none; an
// OpenSSL client's (SSL_write_early_data) taken by our server, and refused
// when it replays its ticket (§8.1). Taken, the early exporters agree
// (§7.5).
#include <gtest/gtest.h>

#include "engine/connection/keying_material.h"
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
const std::string kEarly = "early bytes";
constexpr uint32_t kMaxEarly = 1000;

OpenSslPeer openssl_server(uint32_t max_early_data) {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  o.max_early_data = max_early_data;
  return OpenSslPeer::server(o);
}

OpenSslPeer openssl_client() {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  o.early_data = kEarly;
  return OpenSslPeer::client(o);
}

Bytes bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

// §7.5: the early exporter, ours and OpenSSL's, for one label.
void expect_early_exporters_agree(const Connection& ours, SSL* theirs) {
  auto mine = export_early_keying_material(ours.negotiated(), "EXPORTER-early", {}, 32);
  ASSERT_TRUE(mine.ok()) << mine.error().to_string();
  Bytes openssl(32);
  const std::string label = "EXPORTER-early";
  ASSERT_EQ(SSL_export_keying_material_early(theirs, openssl.data(), openssl.size(), label.data(),
                                             label.size(), nullptr, 0),
            1);
  EXPECT_EQ(*mine, openssl);
}

// Our client's first ticket from an OpenSSL server, which then serves again.
struct OurClient {
  OpenSslPeer server;
  std::shared_ptr<Config> config = tls13_client();
  Session ticket;

  explicit OurClient(uint32_t max_early_data) : server(openssl_server(max_early_data)) {
    EXPECT_TRUE(server.ok());
    auto first = Connection::client(config, {"localhost", std::nullopt});
    EXPECT_TRUE(pump(first, server));
    EXPECT_FALSE(first.tickets().empty()) << why(first);
    if (!first.tickets().empty()) ticket = first.tickets().front();
  }
};

TEST(OpenSslEarlyData, OpenSslServerTakesOurs) {
  OurClient c(kMaxEarly);
  EXPECT_EQ(c.ticket.max_early_data, kMaxEarly);
  OpenSslPeer again = c.server.next_connection();
  auto ours = Connection::client(c.config, {"localhost", c.ticket, bytes(kEarly)});
  ASSERT_TRUE(pump(ours, again));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  EXPECT_TRUE(ours.negotiated().early_data_accepted);
  EXPECT_EQ(SSL_get_early_data_status(again.ssl()), SSL_EARLY_DATA_ACCEPTED);
  EXPECT_EQ(again.take_received(), kEarly);
  expect_early_exporters_agree(ours, again.ssl());
  ASSERT_TRUE(ours.write(bytes("after")).ok());
  ASSERT_TRUE(pump(ours, again));
  EXPECT_EQ(again.take_received(), "after");
  EXPECT_FALSE(again.failed());
}

// §4.2.10: a server that takes no early data skips ours; the handshake and
// what follows go on.
TEST(OpenSslEarlyData, OpenSslServerRefusesOurs) {
  OurClient c(kMaxEarly);
  OpenSslPeer again = c.server.next_connection();
  // Refused by the application, so that the ticket still resumes.
  SSL_set_allow_early_data_cb(again.ssl(), [](SSL*, void*) { return 0; }, nullptr);
  auto ours = Connection::client(c.config, {"localhost", c.ticket, bytes(kEarly)});
  ASSERT_TRUE(pump(ours, again));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  EXPECT_TRUE(ours.negotiated().resumed);
  EXPECT_FALSE(ours.negotiated().early_data_accepted);
  EXPECT_EQ(SSL_get_early_data_status(again.ssl()), SSL_EARLY_DATA_REJECTED);
  EXPECT_EQ(again.take_received(), "");
  ASSERT_TRUE(ours.write(bytes("after")).ok());
  ASSERT_TRUE(pump(ours, again));
  EXPECT_EQ(again.take_received(), "after");
  EXPECT_FALSE(again.failed());
}

// An OpenSSL client's session from our server, which allows early data.
struct TheirClient {
  OpenSslPeer client = openssl_client();
  std::shared_ptr<Config> config = tls13_server();
  OpenSslPtr<SSL_SESSION, SSL_SESSION_free> session;

  TheirClient() {
    config->max_early_data = kMaxEarly;
    EXPECT_TRUE(client.ok());
    auto first = Connection::server(config);
    EXPECT_TRUE(pump(first, client));
    EXPECT_TRUE(first.handshake_done()) << why(first);
    session.reset(SSL_get1_session(client.ssl()));
  }
};

TEST(OpenSslEarlyData, OurServerTakesOpenSsls) {
  TheirClient c;
  ASSERT_EQ(SSL_SESSION_get_max_early_data(c.session.get()), kMaxEarly);
  OpenSslPeer again = c.client.next_connection(c.session.get());
  auto ours = Connection::server(c.config);
  ASSERT_TRUE(pump(ours, again));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  EXPECT_TRUE(ours.negotiated().early_data_accepted);
  EXPECT_EQ(SSL_get_early_data_status(again.ssl()), SSL_EARLY_DATA_ACCEPTED);
  EXPECT_EQ(ours.read(), bytes(kEarly));
  expect_early_exporters_agree(ours, again.ssl());
}

// §8.1: the same ticket a second time carries no early data; OpenSSL's
// client sees it refused and completes the handshake.
TEST(OpenSslEarlyData, OurServerRefusesAReplayedTicket) {
  TheirClient c;
  OpenSslPeer first = c.client.next_connection(c.session.get());
  auto taken = Connection::server(c.config);
  ASSERT_TRUE(pump(taken, first));
  ASSERT_TRUE(taken.negotiated().early_data_accepted) << why(taken);
  OpenSslPeer replay = c.client.next_connection(c.session.get());
  auto ours = Connection::server(c.config);
  ASSERT_TRUE(pump(ours, replay));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  EXPECT_TRUE(ours.negotiated().resumed);
  EXPECT_FALSE(ours.negotiated().early_data_accepted);
  EXPECT_EQ(SSL_get_early_data_status(replay.ssl()), SSL_EARLY_DATA_REJECTED);
  EXPECT_TRUE(ours.read().empty());
  EXPECT_FALSE(replay.failed());
}

}  // namespace
}  // namespace gauntlet
