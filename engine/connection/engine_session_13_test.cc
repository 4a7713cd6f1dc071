// Engine client against engine server after a TLS 1.3 handshake (RFC 8446
// §4.6.1): the server's NewSessionTickets, as many as its Config says, each
// with its own nonce, PSK and ticket_age_add, and the client's store of
// them; the ticket opens, under the server's keys, to the PSK the client
// derived. Then resumption from them (§2.2, §4.2.11): psk_dhe_ke and
// psk_ke, every ticket of a connection, and a full handshake whenever the
// server cannot use the ticket.
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
    // The chain decoded once for every resumption that offers the ticket.
    ASSERT_TRUE(s.parsed_chain.certificates);
    EXPECT_EQ(s.parsed_chain.certificates->size(), s.peer_chain.size());
    EXPECT_FALSE(s.peer_chain.empty());
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

// A first handshake's tickets, then a second handshake offering `ticket`.
test_support::EnginePair resume(std::shared_ptr<Config> client, std::shared_ptr<Config> server,
                                const Session& ticket) {
  return handshake(client, server, {"localhost", ticket});
}

Session first_ticket(std::shared_ptr<Config> client, std::shared_ptr<Config> server) {
  auto p = handshake(client, server);
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.client.tickets().empty());
  return p.client.tickets().empty() ? Session{} : p.client.tickets().front();
}

void expect_resumed(const test_support::EnginePair& p, PskKeyExchangeMode mode) {
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  for (const Connection* c : {&p.client, &p.server}) {
    EXPECT_TRUE(c->negotiated().resumed);
    EXPECT_EQ(c->negotiated().psk_mode, mode);
    EXPECT_EQ(c->negotiated().group.has_value(), mode == PskKeyExchangeMode::psk_dhe_ke);
  }
  // §4.2.11: the server's identity is the ticket's.
  EXPECT_FALSE(p.client.negotiated().peer_chain.empty());
  // The resumed connection gets tickets of its own.
  EXPECT_FALSE(p.client.tickets().empty());
}

void expect_full(const test_support::EnginePair& p) {
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  EXPECT_FALSE(p.client.negotiated().resumed);
  EXPECT_FALSE(p.server.negotiated().resumed);
  EXPECT_EQ(p.client.negotiated().psk_mode, std::nullopt);
}

TEST(Tls13Resumption, PskDheKe) {
  auto client = tls13_client();
  auto server = tls13_server();
  auto p = resume(client, server, first_ticket(client, server));
  expect_resumed(p, PskKeyExchangeMode::psk_dhe_ke);
  ASSERT_TRUE(p.client.write(Bytes{'r'}).ok());
  ASSERT_TRUE(test_support::pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes{'r'});
}

TEST(Tls13Resumption, PskKe) {
  auto client = tls13_client();
  auto server = tls13_server();
  client->psk_modes = server->psk_modes = {PskKeyExchangeMode::psk_ke};
  expect_resumed(resume(client, server, first_ticket(client, server)),
                 PskKeyExchangeMode::psk_ke);
}

// §4.2.9: the server picks among the modes the client offers, its own
// preference first.
TEST(Tls13Resumption, ServerPrefersItsMode) {
  auto client = tls13_client();
  auto server = tls13_server();
  client->psk_modes = {PskKeyExchangeMode::psk_dhe_ke, PskKeyExchangeMode::psk_ke};
  server->psk_modes = {PskKeyExchangeMode::psk_ke, PskKeyExchangeMode::psk_dhe_ke};
  expect_resumed(resume(client, server, first_ticket(client, server)),
                 PskKeyExchangeMode::psk_ke);
  server->psk_modes = {PskKeyExchangeMode::psk_dhe_ke};
  expect_resumed(resume(client, server, first_ticket(client, server)),
                 PskKeyExchangeMode::psk_dhe_ke);
}

TEST(Tls13Resumption, NoModeInCommonIsAFullHandshake) {
  auto client = tls13_client();
  auto server = tls13_server();
  server->psk_modes = {PskKeyExchangeMode::psk_ke};
  expect_full(resume(client, server, first_ticket(client, server)));
}

TEST(Tls13Resumption, EveryTicketOfAConnectionResumes) {
  auto client = tls13_client();
  auto server = tls13_server();
  server->tls13_tickets = 3;
  auto first = handshake(client, server);
  ASSERT_EQ(first.client.tickets().size(), 3u);
  for (const Session& ticket : first.client.tickets()) {
    expect_resumed(resume(client, server, ticket), PskKeyExchangeMode::psk_dhe_ke);
  }
}

// §4.2.11: a ticket the server cannot open is no error: a full handshake.
TEST(Tls13Resumption, UnknownTicketFallsBackToAFullHandshake) {
  auto client = tls13_client();
  const Session ticket = first_ticket(client, tls13_server(1));
  expect_full(resume(client, tls13_server(99), ticket));
}

TEST(Tls13Resumption, ExpiredTicketIsNotResumed) {
  auto client = tls13_client();
  auto server = tls13_server();
  Session ticket = first_ticket(client, server);
  // Past its lifetime by the server's clock: the server declines it.
  auto later = tls13_server();
  later->ticket_keys = server->ticket_keys;
  later->clock = std::make_shared<FixedClock>(test_support::kTestNow + ticket.lifetime);
  expect_full(resume(client, later, ticket));
  // By the client's: it is not offered.
  ticket.lifetime = 0;
  auto p = resume(client, server, ticket);
  expect_full(p);
}

// §4.2.11: the PSK's hash must be the suite's.
TEST(Tls13Resumption, SuiteOfAnotherHashIsAFullHandshake) {
  auto client = tls13_client();
  auto server = tls13_server();
  const Session ticket = first_ticket(client, server);
  ASSERT_EQ(ticket.suite, CipherSuite::aes_128_gcm_sha256);
  auto sha384 = tls13_server();
  sha384->ticket_keys = server->ticket_keys;
  sha384->cipher_suites = {CipherSuite::aes_256_gcm_sha384, CipherSuite::aes_128_gcm_sha256};
  expect_full(resume(client, sha384, ticket));
  // Chacha20-Poly1305 has SHA-256 too: resumable.
  auto chacha = tls13_server();
  chacha->ticket_keys = server->ticket_keys;
  chacha->cipher_suites = {CipherSuite::chacha20_poly1305_sha256};
  expect_resumed(resume(client, chacha, ticket), PskKeyExchangeMode::psk_dhe_ke);
}

TEST(Tls13Resumption, AnotherServerNameIsAFullHandshake) {
  auto client = tls13_client();
  auto server = tls13_server();
  Session ticket = first_ticket(client, server);
  auto p = handshake(client, server, {"other.localhost", ticket});
  EXPECT_FALSE(p.server.negotiated().resumed);
}

}  // namespace
}  // namespace gauntlet
