// Resumption after a HelloRetryRequest, engine client against engine server
// (RFC 8446 §4.1.4, §4.2.11): the second ClientHello offers the ticket again
// with a binder over ClientHello1's message_hash and the retry
// (§4.2.11.2), in psk_dhe_ke and psk_ke; a ticket of another hash than the
// retry's suite is not offered again; a binder that does not bind the
// retry is decrypt_error.
#include <gtest/gtest.h>

#include "engine/key_schedule/psk_binder.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

Session first_ticket(std::shared_ptr<Config> client, std::shared_ptr<Config> server) {
  auto p = handshake(client, server);
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.client.tickets().empty());
  return p.client.tickets().empty() ? Session{} : p.client.tickets().front();
}

std::shared_ptr<int> count_client_hellos(Config& server) {
  auto n = std::make_shared<int>(0);
  server.on_message = [n](HandshakeType t) { *n += t == HandshakeType::client_hello; };
  return n;
}

struct RetryCase {
  const char* name;
  PskKeyExchangeMode mode;
  bool group_mismatch;  // else the server always asks
};

class Tls13PskAfterRetry : public testing::TestWithParam<RetryCase> {};

TEST_P(Tls13PskAfterRetry, Resumes) {
  const RetryCase& rc = GetParam();
  auto client = tls13_client();
  auto server = tls13_server();
  client->psk_modes = server->psk_modes = {rc.mode};
  const Session ticket = first_ticket(client, server);
  if (rc.group_mismatch) {
    client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
    server->groups = {NamedGroup::secp256r1};
  } else {
    server->always_hello_retry = true;
  }
  const auto hellos = count_client_hellos(*server);
  auto p = handshake(client, server, {"localhost", ticket});
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  EXPECT_EQ(*hellos, 2);
  for (const Connection* c : {&p.client, &p.server}) {
    EXPECT_TRUE(c->negotiated().resumed);
    EXPECT_EQ(c->negotiated().psk_mode, rc.mode);
  }
  ASSERT_TRUE(p.client.write(Bytes{'r'}).ok());
  ASSERT_TRUE(test_support::pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes{'r'});
}

INSTANTIATE_TEST_SUITE_P(
    BothModes, Tls13PskAfterRetry,
    testing::Values(RetryCase{"PskDheKeGroupMismatch", PskKeyExchangeMode::psk_dhe_ke, true},
                    RetryCase{"PskDheKeAlwaysAsked", PskKeyExchangeMode::psk_dhe_ke, false},
                    RetryCase{"PskKeAlwaysAsked", PskKeyExchangeMode::psk_ke, false}),
    [](const testing::TestParamInfo<RetryCase>& i) { return std::string(i.param.name); });

// psk_ke needs no key share (§4.2.9): no group in common asks for no retry.
TEST(Tls13PskAfterRetry, PskKeWithoutACommonGroupNeedsNoRetry) {
  auto client = tls13_client();
  auto server = tls13_server();
  client->psk_modes = server->psk_modes = {PskKeyExchangeMode::psk_ke};
  const Session ticket = first_ticket(client, server);
  client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  server->groups = {NamedGroup::secp256r1};
  const auto hellos = count_client_hellos(*server);
  auto p = handshake(client, server, {"localhost", ticket});
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  EXPECT_EQ(*hellos, 1);
  EXPECT_EQ(p.server.negotiated().psk_mode, PskKeyExchangeMode::psk_ke);
}

// The ClientHellos that went from client to server, as the server saw them.
std::vector<ClientHello> hellos_sent(Connection& client, Connection& server) {
  std::vector<ClientHello> seen;
  test_support::pump_edited(client, server, [&](Role sender, Bytes flight) {
    if (sender == Role::client) {
      test_support::edit_message(flight, HandshakeType::client_hello, [&](Bytes& body) {
        if (auto ch = ClientHello::parse(body)) seen.push_back(std::move(ch).value());
      });
    }
    return flight;
  });
  return seen;
}

bool offers_psk(const ClientHello& ch) {
  return ch.extensions && !ch.extensions->list.empty() &&
         ch.extensions->list.back().type == ExtensionType::pre_shared_key;
}

// §4.2.11: a ticket of SHA-256 is not offered once the retry picked a
// SHA-384 suite; the handshake is a full one.
TEST(Tls13PskAfterRetry, TicketOfAnotherHashThanTheRetrysSuiteIsNotOffered) {
  auto client = tls13_client();
  auto server = tls13_server();
  const Session ticket = first_ticket(client, server);
  ASSERT_EQ(ticket.suite, CipherSuite::aes_128_gcm_sha256);
  server->cipher_suites = {CipherSuite::aes_256_gcm_sha384};
  server->always_hello_retry = true;
  client->middlebox_compat = false;  // wire_edit reads no hello after a ChangeCipherSpec
  auto c = Connection::client(client, {"localhost", ticket});
  auto s = Connection::server(server);
  const std::vector<ClientHello> hellos = hellos_sent(c, s);
  ASSERT_EQ(hellos.size(), 2u);
  EXPECT_TRUE(offers_psk(hellos[0]));
  EXPECT_FALSE(offers_psk(hellos[1]));
  ASSERT_TRUE(c.handshake_done()) << why(c);
  EXPECT_FALSE(c.negotiated().resumed);
  EXPECT_FALSE(s.negotiated().resumed);
}

// §4.2.11.2: the binder of a second ClientHello covers the retry; one
// computed over that hello alone, as a first ClientHello's would be, does
// not check out (decrypt_error).
TEST(Tls13PskAfterRetry, BinderWithoutTheRetryIsDecryptError) {
  auto client = tls13_client();
  auto server = tls13_server();
  const Session ticket = first_ticket(client, server);
  server->always_hello_retry = true;
  client->middlebox_compat = false;  // wire_edit reads no hello after a ChangeCipherSpec
  auto c = Connection::client(client, {"localhost", ticket});
  auto s = Connection::server(server);
  int client_hellos = 0;
  test_support::pump_edited(c, s, [&](Role sender, Bytes flight) {
    if (sender != Role::client) return flight;
    return test_support::edit_message(flight, HandshakeType::client_hello, [&](Bytes& body) {
      if (++client_hellos != 2) return;
      auto ch = ClientHello::parse(body);
      ASSERT_TRUE(ch.ok());
      auto& offered = std::get<OfferedPsks>(ch->extensions->list.back().body);
      const Bytes full = HandshakeMessage{HandshakeType::client_hello, body}.serialize();
      const Tls13EarlySecret early =
          Tls13EarlySecret::from_psk(HashAlgorithm::sha256, ticket.master_secret);
      auto alone = psk_binder(HashAlgorithm::sha256, early.binder_key(PskOrigin::resumption), {},
                              full);
      ASSERT_TRUE(alone.ok());
      ASSERT_NE(offered.binders.front(), *alone);
      offered.binders.front() = *alone;
      body = ch->serialize().value();
    });
  });
  ASSERT_TRUE(s.error());
  EXPECT_EQ(s.error()->alert, AlertDescription::decrypt_error);
}

}  // namespace
}  // namespace gauntlet
