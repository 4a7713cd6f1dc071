// TLS 1.3 stateful tickets (RFC 8446 §4.6.1: a ticket "may be either a
// database lookup key or a self-encrypted and self-authenticated value"):
// a server with Config::ticket_store issues lookup keys and keeps the
// sessions; it finds a PSK identity there before its ticket keys try to
// open it, sessions a caller stored itself too (an external PSK database).
// An identity it does not hold, or whose session has expired, is a full
// handshake (§4.2.11); one it holds with a binder that does not check out
// is decrypt_error (§4.2.11.2). 0-RTT data rides a stored ticket once
// (§8.1).
#include <gtest/gtest.h>

#include "engine/session/session_cache.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::kTestNow;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

// A server whose tickets are lookup keys into its store, no ticket keys.
std::shared_ptr<Config> stateful_server() {
  auto s = tls13_server();
  s->ticket_keys.reset();
  s->ticket_store = std::make_shared<SessionCache>();
  return s;
}

// A PSK provisioned outside any handshake: the server's row under
// `identity` and the client's ticket for it.
struct External {
  Session stored;
  Session offered;
};

External external_psk(const Bytes& identity, const Bytes& psk) {
  Session s;
  s.version = ProtocolVersion::tls13;
  s.suite = CipherSuite::aes_128_gcm_sha256;
  s.master_secret = psk;
  s.server_name = "localhost";
  s.created = kTestNow;
  s.lifetime = 3600;
  External e{s, s};
  e.stored.id = identity;
  e.offered.ticket = identity;
  return e;
}

test_support::EnginePair resume(std::shared_ptr<Config> client, std::shared_ptr<Config> server,
                                const Session& ticket, Bytes early = {}) {
  return handshake(client, server, {"localhost", ticket, std::move(early)});
}

void expect_resumed(const test_support::EnginePair& p) {
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_TRUE(p.server.negotiated().resumed);
  EXPECT_TRUE(p.client.negotiated().resumed);
}

void expect_full(const test_support::EnginePair& p) {
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.server.negotiated().resumed);
  EXPECT_FALSE(p.client.negotiated().resumed);
}

TEST(Tls13TicketStore, IssuesLookupKeysAndResumesFromThem) {
  auto client = tls13_client();
  auto server = stateful_server();
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  const std::vector<Session> tickets = p.client.tickets();
  ASSERT_EQ(tickets.size(), 2u);
  EXPECT_EQ(server->ticket_store->size(), 2u);
  for (const Session& t : tickets) {
    // The ticket is the key, not the state: the PSK is only in the store.
    EXPECT_EQ(t.ticket.size(), 32u);
    const auto stored = server->ticket_store->find(t.ticket, kTestNow);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->master_secret, t.master_secret);
    EXPECT_EQ(stored->ticket_age_add, t.ticket_age_add);
    EXPECT_EQ(stored->server_name, "localhost");
  }
  EXPECT_NE(tickets[0].ticket, tickets[1].ticket);
  for (const Session& t : tickets) expect_resumed(resume(client, server, t));
}

TEST(Tls13TicketStore, ResumesAnExternallyStoredSessionWithoutACertificate) {
  const External e = external_psk(Bytes{'o', 'u', 't', 's', 'i', 'd', 'e'}, Bytes(32, 0x5a));
  auto server = stateful_server();
  server->ticket_store->store(e.stored);
  auto p = resume(tls13_client(), server, e.offered);
  expect_resumed(p);
  EXPECT_TRUE(p.client.negotiated().peer_chain.empty());
}

// §4.2.11: "Any unknown PSKs (e.g., ones not in the PSK database or
// encrypted with an unknown key) SHOULD simply be ignored."
TEST(Tls13TicketStore, UnknownIdentityIsAFullHandshake) {
  const External e = external_psk(Bytes{'o', 'u', 't', 's', 'i', 'd', 'e'}, Bytes(32, 0x5a));
  auto server = stateful_server();
  server->ticket_store->store(external_psk(Bytes{'o', 't', 'h', 'e', 'r'}, Bytes(32, 0x5a)).stored);
  expect_full(resume(tls13_client(), server, e.offered));
}

TEST(Tls13TicketStore, ExpiredStoredSessionIsAFullHandshake) {
  const External e = external_psk(Bytes{'o', 'u', 't', 's', 'i', 'd', 'e'}, Bytes(32, 0x5a));
  auto server = stateful_server();
  server->ticket_store->store(e.stored);
  server->clock = std::make_shared<FixedClock>(kTestNow + e.stored.lifetime);
  expect_full(resume(tls13_client(), server, e.offered));
  // Dropped on the way, not found again at any time.
  EXPECT_FALSE(server->ticket_store->find(e.stored.id, kTestNow));
}

// §4.2.11.2: found, the identity's binder must check out.
TEST(Tls13TicketStore, StoredIdentityWithAWrongBinderIsDecryptError) {
  const External e = external_psk(Bytes{'o', 'u', 't', 's', 'i', 'd', 'e'}, Bytes(32, 0x5a));
  auto server = stateful_server();
  server->ticket_store->store(e.stored);
  Session other_psk = e.offered;
  other_psk.master_secret = Bytes(32, 0xa5);
  auto p = resume(tls13_client(), server, other_psk);
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::decrypt_error);
}

// The store is asked first; an identity it does not hold still opens
// under the ticket keys, and with a store our new tickets are lookup keys.
TEST(Tls13TicketStore, TicketKeysOpenWhatTheStoreDoesNotHold) {
  auto client = tls13_client();
  auto sealing = tls13_server();
  auto sealed = handshake(client, sealing);
  ASSERT_TRUE(sealed.completed()) << why(sealed.client) << " / " << why(sealed.server);
  ASSERT_FALSE(sealed.client.tickets().empty());

  auto both = tls13_server();
  both->ticket_keys = sealing->ticket_keys;
  both->ticket_store = std::make_shared<SessionCache>();
  auto p = resume(client, both, sealed.client.tickets().front());
  expect_resumed(p);
  ASSERT_FALSE(p.client.tickets().empty());
  const Bytes lookup_key = p.client.tickets().front().ticket;
  EXPECT_TRUE(both->ticket_store->find(lookup_key, kTestNow));
  EXPECT_FALSE(both->ticket_keys->open(lookup_key));
  expect_resumed(resume(client, both, p.client.tickets().front()));
}

// §8.1: a stored ticket carries 0-RTT data once, as a sealed one does.
TEST(Tls13TicketStore, EarlyDataWithAStoredTicketOnce) {
  auto client = tls13_client();
  auto server = stateful_server();
  server->max_early_data = 100;
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  ASSERT_FALSE(p.client.tickets().empty());
  const Session ticket = p.client.tickets().front();
  EXPECT_EQ(ticket.max_early_data, 100u);

  const Bytes early(50, 'e');
  auto first = resume(client, server, ticket, early);
  expect_resumed(first);
  EXPECT_TRUE(first.server.negotiated().early_data_accepted);
  EXPECT_EQ(first.server.read(), early);
  auto again = resume(client, server, ticket, early);
  expect_resumed(again);
  EXPECT_FALSE(again.server.negotiated().early_data_accepted);
}

}  // namespace
}  // namespace gauntlet
