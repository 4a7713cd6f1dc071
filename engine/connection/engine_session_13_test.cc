// Engine client against engine server after a TLS 1.3 handshake (RFC 8446
// §4.6.1): the server's NewSessionTickets, as many as its Config says, each
// with its own nonce, PSK and ticket_age_add, and the client's store of
// them; the ticket opens, under the server's keys, to the PSK the client
// derived.
#include <gtest/gtest.h>

#include <set>

#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

std::vector<Session> tickets_after_handshake(std::shared_ptr<Config> server) {
  auto p = handshake(tls13_client(), server);
  EXPECT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  EXPECT_FALSE(p.client.error()) << why(p.client);
  return p.client.tickets();
}

TEST(Tls13Tickets, ServerSendsTwoByDefaultEachItsOwn) {
  auto server = tls13_server();
  auto p = handshake(tls13_client(), server);
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  const std::vector<Session> tickets = p.client.tickets();
  ASSERT_EQ(tickets.size(), 2u);
  ASSERT_TRUE(p.client.session());
  EXPECT_EQ(*p.client.session(), tickets.back());
  EXPECT_FALSE(p.server.session());
  std::set<Bytes> psks, opaque;
  for (const Session& s : tickets) {
    EXPECT_EQ(s.version, ProtocolVersion::tls13);
    EXPECT_EQ(s.suite, p.client.negotiated().suite);
    EXPECT_EQ(s.lifetime, server->session_lifetime);
    EXPECT_EQ(s.server_name, "localhost");
    EXPECT_EQ(s.master_secret.size(), 32u);
    psks.insert(s.master_secret);
    opaque.insert(s.ticket);
    // The server's ticket carries the same PSK and age_add (§4.6.1).
    auto opened = server->ticket_keys->open(s.ticket);
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->session.master_secret, s.master_secret);
    EXPECT_EQ(opened->session.ticket_age_add, s.ticket_age_add);
    EXPECT_EQ(opened->session.version, ProtocolVersion::tls13);
  }
  EXPECT_EQ(psks.size(), 2u);
  EXPECT_EQ(opaque.size(), 2u);
  EXPECT_NE(tickets[0].ticket_age_add, tickets[1].ticket_age_add);
}

TEST(Tls13Tickets, CountFollowsTheServerConfig) {
  for (const uint32_t n : {0u, 1u, 5u}) {
    auto server = tls13_server();
    server->tls13_tickets = n;
    EXPECT_EQ(tickets_after_handshake(server).size(), n) << n;
  }
}

TEST(Tls13Tickets, NoTicketKeysNoTickets) {
  auto server = tls13_server();
  server->ticket_keys.reset();
  EXPECT_TRUE(tickets_after_handshake(server).empty());
}

TEST(Tls13Tickets, LifetimeCappedAtSevenDays) {
  auto server = tls13_server();
  server->session_lifetime = 30 * 86400;
  const auto tickets = tickets_after_handshake(server);
  ASSERT_FALSE(tickets.empty());
  EXPECT_EQ(tickets.front().lifetime, 604800u);
}

TEST(Tls13Tickets, ApplicationDataFlowsAfterTheTickets) {
  auto p = handshake(tls13_client(), tls13_server());
  ASSERT_TRUE(p.completed());
  ASSERT_TRUE(p.client.write(Bytes{'h', 'i'}).ok());
  ASSERT_TRUE(p.server.write(Bytes{'y', 'o'}).ok());
  ASSERT_TRUE(test_support::pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), (Bytes{'h', 'i'}));
  EXPECT_EQ(p.client.read(), (Bytes{'y', 'o'}));
}

}  // namespace
}  // namespace gauntlet
