// RFC 8446 §4.6's rules after the handshake, one test each: what may come
// after a TLS 1.3 handshake, how a NewSessionTicket must be formed (§4.6.1)
// and a KeyUpdate (§4.6.3), which must end its record (§5.1). The messages are sent as records of the sender's choosing under
// its current keys.
#include <gtest/gtest.h>

#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/tls13/new_session_ticket_13.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;

// The alert `receiver` answers a handshake message from its peer with.
std::optional<AlertDescription> alert_for(Role sender, HandshakeType type, const Bytes& body) {
  auto p = handshake(tls13_client(), tls13_server());
  EXPECT_TRUE(p.completed());
  Connection& from = sender == Role::client ? p.client : p.server;
  Connection& to = sender == Role::client ? p.server : p.client;
  const Bytes framed = HandshakeMessage{type, body}.serialize();
  EXPECT_TRUE(from.send_record(ContentType::handshake, framed).ok());
  (void)to.receive(from.take_output());
  if (!to.error()) return std::nullopt;
  return to.error()->alert;
}

Bytes ticket_body(uint32_t lifetime, Extensions extensions = {}) {
  NewSessionTicket13 nst{lifetime, 7, Bytes{0}, Bytes{1, 2, 3}, std::move(extensions)};
  return nst.serialize().value();
}

// How many more tickets the client holds after one with this lifetime.
size_t tickets_added(uint32_t lifetime) {
  auto p = handshake(tls13_client(), tls13_server());
  EXPECT_TRUE(p.completed());
  const size_t before = p.client.tickets().size();
  const Bytes nst =
      HandshakeMessage{HandshakeType::new_session_ticket, ticket_body(lifetime)}.serialize();
  EXPECT_TRUE(p.server.send_record(ContentType::handshake, nst).ok());
  EXPECT_TRUE(pump(p.client, p.server));
  EXPECT_FALSE(p.client.error());
  return p.client.tickets().size() - before;
}

TEST(Tls13PostHandshakeStrict, WellFormedTicketIsStored) { EXPECT_EQ(tickets_added(60), 1u); }

// §4.6.1: only a server sends NewSessionTicket.
TEST(Tls13PostHandshakeStrict, TicketFromClientIsUnexpected) {
  EXPECT_EQ(alert_for(Role::client, HandshakeType::new_session_ticket, ticket_body(60)),
            AlertDescription::unexpected_message);
}

// §4.6.1: "Servers MUST NOT use any value greater than 604800 seconds".
TEST(Tls13PostHandshakeStrict, TicketLifetimeOverSevenDaysIsIllegal) {
  EXPECT_EQ(alert_for(Role::server, HandshakeType::new_session_ticket, ticket_body(604801)),
            AlertDescription::illegal_parameter);
}

// §4.2: NewSessionTicket carries early_data alone of the known extensions.
TEST(Tls13PostHandshakeStrict, TicketWithAKeyShareIsIllegal) {
  Extensions block;
  block.list.push_back(Extension{ExtensionType::key_share, RawExtension{Bytes{0, 0}}});
  EXPECT_EQ(alert_for(Role::server, HandshakeType::new_session_ticket, ticket_body(60, block)),
            AlertDescription::illegal_parameter);
}

// §4.6.1: a lifetime of zero says to discard the ticket at once.
TEST(Tls13PostHandshakeStrict, TicketOfLifetimeZeroIsDiscarded) { EXPECT_EQ(tickets_added(0), 0u); }

// §4: messages of the handshake have no place after it.
TEST(Tls13PostHandshakeStrict, FinishedAfterTheHandshakeIsUnexpected) {
  EXPECT_EQ(alert_for(Role::server, HandshakeType::finished, Bytes(32, 0)),
            AlertDescription::unexpected_message);
}

// §4.6.3: request_update is 0 or 1; anything else is illegal_parameter.
TEST(Tls13PostHandshakeStrict, KeyUpdateOfAnotherValueIsIllegal) {
  for (const Role sender : {Role::client, Role::server}) {
    EXPECT_EQ(alert_for(sender, HandshakeType::key_update, Bytes{2}),
              AlertDescription::illegal_parameter);
  }
}

TEST(Tls13PostHandshakeStrict, KeyUpdateOfWrongLengthIsADecodeError) {
  EXPECT_EQ(alert_for(Role::client, HandshakeType::key_update, Bytes{}),
            AlertDescription::decode_error);
  EXPECT_EQ(alert_for(Role::server, HandshakeType::key_update, Bytes{0, 0}),
            AlertDescription::decode_error);
}

// §5.1: a handshake message before a key change ends its record.
TEST(Tls13PostHandshakeStrict, KeyUpdateNotEndingItsRecordIsUnexpected) {
  auto p = handshake(tls13_client(), tls13_server());
  ASSERT_TRUE(p.completed());
  Bytes both = HandshakeMessage{HandshakeType::key_update, Bytes{0}}.serialize();
  const Bytes ticket =
      HandshakeMessage{HandshakeType::new_session_ticket, ticket_body(60)}.serialize();
  both.insert(both.end(), ticket.begin(), ticket.end());
  ASSERT_TRUE(p.server.send_record(ContentType::handshake, both).ok());
  (void)p.client.receive(p.server.take_output());
  ASSERT_TRUE(p.client.error());
  EXPECT_EQ(p.client.error()->alert, AlertDescription::unexpected_message);
}

// §4.6.3: a KeyUpdate sent under the old key; the peer reads on with the new.
TEST(Tls13PostHandshakeStrict, KeyUpdateWellFormedIsTaken) {
  for (const Role sender : {Role::client, Role::server}) {
    EXPECT_EQ(alert_for(sender, HandshakeType::key_update, Bytes{0}), std::nullopt);
  }
}

}  // namespace
}  // namespace gauntlet
