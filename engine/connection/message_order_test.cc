#include "engine/connection/message_order.h"

#include <gtest/gtest.h>

#include <vector>

namespace gauntlet {
namespace {

using H = HandshakeType;
constexpr Role kC = Role::client;
constexpr Role kS = Role::server;

HandshakeFacts all_known(bool ske, bool cr, bool cert, bool ticket) {
  return {ske, cr, cert, ticket};
}

TEST(MessageOrder, FullHandshakeWithEverything) {
  MessageOrder o;
  const HandshakeFacts f = all_known(true, true, true, true);
  for (const auto& [who, w] : std::vector<std::pair<Role, Wire>>{
           {kC, wire(H::client_hello)},        {kS, wire(H::server_hello)},
           {kS, wire(H::certificate)},         {kS, wire(H::server_key_exchange)},
           {kS, wire(H::certificate_request)}, {kS, wire(H::server_hello_done)},
           {kC, wire(H::certificate)},         {kC, wire(H::client_key_exchange)},
           {kC, wire(H::certificate_verify)},  {kC, kChangeCipherSpec},
           {kC, wire(H::finished)},            {kS, wire(H::new_session_ticket)},
           {kS, kChangeCipherSpec},            {kS, wire(H::finished)}}) {
    ASSERT_TRUE(o.accept(who, w, f).ok()) << wire_name(w);
  }
  EXPECT_TRUE(o.done());
}

TEST(MessageOrder, RowsWhoseConditionFailsAreSkipped) {
  MessageOrder o;
  const HandshakeFacts f = all_known(false, false, false, false);
  ASSERT_TRUE(o.accept(kC, wire(H::client_hello), f).ok());
  ASSERT_TRUE(o.accept(kS, wire(H::server_hello), f).ok());
  ASSERT_TRUE(o.accept(kS, wire(H::certificate), f).ok());
  EXPECT_FALSE(o.accept(kS, wire(H::server_key_exchange), f).ok());
}

TEST(MessageOrder, UnknownFactsLetThePeerChoose) {
  HandshakeFacts f = all_known(true, false, false, false);
  f.certificate_request.reset();
  MessageOrder with, without;
  for (MessageOrder* o : {&with, &without}) {
    ASSERT_TRUE(o->accept(kC, wire(H::client_hello), f).ok());
    ASSERT_TRUE(o->accept(kS, wire(H::server_hello), f).ok());
    ASSERT_TRUE(o->accept(kS, wire(H::certificate), f).ok());
    ASSERT_TRUE(o->accept(kS, wire(H::server_key_exchange), f).ok());
  }
  EXPECT_TRUE(with.accept(kS, wire(H::certificate_request), f).ok());
  EXPECT_TRUE(without.accept(kS, wire(H::server_hello_done), f).ok());
}

TEST(MessageOrder, OutOfOrderIsUnexpectedMessage) {
  MessageOrder o;
  const HandshakeFacts f = all_known(true, false, false, false);
  auto st = o.accept(kS, wire(H::server_hello), f);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().alert, AlertDescription::unexpected_message);
  ASSERT_TRUE(o.accept(kC, wire(H::client_hello), f).ok());
  EXPECT_FALSE(o.accept(kC, wire(H::client_hello), f).ok());
  EXPECT_FALSE(o.accept(kS, kChangeCipherSpec, f).ok());
}

TEST(MessageOrder, AbbreviatedHandshake) {
  MessageOrder o;
  const HandshakeFacts f = all_known(false, false, false, false);
  ASSERT_TRUE(o.accept(kC, wire(H::client_hello), f).ok());
  ASSERT_TRUE(o.accept(kS, wire(H::server_hello), f).ok());
  o.set_shape(HandshakeShape::abbreviated);
  EXPECT_FALSE(o.accept(kS, wire(H::certificate), f).ok());
  ASSERT_TRUE(o.accept(kS, kChangeCipherSpec, f).ok());
  ASSERT_TRUE(o.accept(kS, wire(H::finished), f).ok());
  EXPECT_FALSE(o.accept(kS, wire(H::finished), f).ok());
  ASSERT_TRUE(o.accept(kC, kChangeCipherSpec, f).ok());
  ASSERT_TRUE(o.accept(kC, wire(H::finished), f).ok());
  EXPECT_TRUE(o.done());
}

// Each row names what both roles do there: the sender's writer and the
// receiver's handler, and nothing else (a missing one would be called).
TEST(MessageOrder, EveryRowNamesItsWriterAndHandler) {
  for (const HandshakeShape shape : {HandshakeShape::full, HandshakeShape::abbreviated}) {
    for (const OrderRow& row : handshake_rows(shape)) {
      SCOPED_TRACE(wire_name(row.wire));
      const bool by_client = row.sender == kC;
      EXPECT_EQ(row.client.write != nullptr, by_client);
      EXPECT_EQ(row.client.handle != nullptr, !by_client);
      EXPECT_EQ(row.server.write != nullptr, !by_client);
      EXPECT_EQ(row.server.handle != nullptr, by_client);
    }
  }
}

// Our flight is the rows we send from where the script stands, up to the
// peer's turn; rows whose condition fails are passed over.
TEST(MessageOrder, OurFlightRunsToThePeersTurn) {
  MessageOrder o;
  const HandshakeFacts f = all_known(true, false, false, true);
  EXPECT_EQ(o.next_from(kS, f), nullptr);
  ASSERT_TRUE(o.accept(kC, wire(H::client_hello), f).ok());
  EXPECT_EQ(o.next_from(kC, f), nullptr);
  std::vector<Wire> flight;
  while (const OrderRow* row = o.next_from(kS, f)) flight.push_back(row->wire);
  EXPECT_EQ(flight, (std::vector<Wire>{wire(H::server_hello), wire(H::certificate),
                                       wire(H::server_key_exchange),
                                       wire(H::server_hello_done)}));
  ASSERT_TRUE(o.accept(kC, wire(H::client_key_exchange), f).ok());
  ASSERT_TRUE(o.accept(kC, kChangeCipherSpec, f).ok());
  ASSERT_TRUE(o.accept(kC, wire(H::finished), f).ok());
  flight.clear();
  while (const OrderRow* row = o.next_from(kS, f)) flight.push_back(row->wire);
  EXPECT_EQ(flight, (std::vector<Wire>{wire(H::new_session_ticket), kChangeCipherSpec,
                                       wire(H::finished)}));
  EXPECT_TRUE(o.done());
}

// A row whose condition this side does not know is the peer's to send,
// never part of our flight.
TEST(MessageOrder, AnUnknownConditionEndsOurFlight) {
  MessageOrder o;
  HandshakeFacts f = all_known(false, false, false, false);
  f.new_session_ticket.reset();
  o.set_shape(HandshakeShape::abbreviated);
  ASSERT_TRUE(o.accept(kC, wire(H::client_hello), f).ok());
  ASSERT_TRUE(o.accept(kS, wire(H::server_hello), f).ok());
  EXPECT_EQ(o.next_from(kS, f), nullptr);
  EXPECT_EQ(o.next_from(kC, f), nullptr);
}

}  // namespace
}  // namespace gauntlet
