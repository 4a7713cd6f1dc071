// The HelloRetryRequest written field by field (Bugs::written_retry) and
// the ClientHello random as sent (Bugs::client_random) reach the wire as
// written: each test reads our side's bytes back off the wire, then sees
// the other side (our own engine) take or refuse them as RFC 8446 §4.1.2,
// §4.1.4 say.
#include <gtest/gtest.h>

#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

constexpr uint8_t kHandshake = 22;

// The body of the first handshake message in the first handshake record
// of `flight` (our messages here each fill their own record).
Bytes first_message_body(ByteView flight, HandshakeType type) {
  Reader r(flight);
  uint8_t content = 0, message = 0;
  uint16_t version = 0;
  Reader record, body;
  // A ChangeCipherSpec may come first (RFC 8446 D.4).
  do {
    if (!r.u8(content) || !r.u16(version) || !r.prefixed16(record)) {
      ADD_FAILURE() << "no handshake record";
      return {};
    }
  } while (content != kHandshake);
  EXPECT_TRUE(record.u8(message) && record.prefixed24(body));
  EXPECT_EQ(message, static_cast<uint8_t>(type));
  return Bytes(body.rest().begin(), body.rest().end());
}

Bytes cat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

const Bytes kCookie{0xc0, 0x0c, 0x1e};

// §4.1.4: a retry with its cookie before supported_versions, no key_share
// (the client's share fits), the client's session ID echoed: sent byte for
// byte, and the client completes the handshake from it.
TEST(WrittenRetry, ReachesTheWireAsWrittenAndCompletes) {
  auto server = tls13_server();
  server->always_hello_retry = true;
  server->hello_retry_cookie = kCookie;
  const Bytes cookie_ext{0x00, 0x03, 0xc0, 0x0c, 0x1e};
  const Bytes versions_ext{0x03, 0x04};
  server->bugs.written_retry =
      WrittenHello{0x0303, std::nullopt, std::nullopt, {0x1301}, {0},
                   std::vector<std::pair<uint16_t, Bytes>>{{44, cookie_ext}, {43, versions_ext}}};
  Connection client = Connection::client(tls13_client(), {"localhost", std::nullopt});
  Connection srv = Connection::server(server);
  const Bytes hello = client.take_output();
  auto ch = ClientHello::parse(first_message_body(hello, HandshakeType::client_hello));
  ASSERT_TRUE(ch.ok());
  ASSERT_EQ(ch->session_id.size(), 32u);  // compatibility mode (D.4)
  ASSERT_TRUE(srv.receive(hello).ok()) << why(srv);
  const Bytes flight = srv.take_output();
  const Bytes hrr = first_message_body(flight, HandshakeType::server_hello);

  const Bytes extensions{0x00, 0x0f, 0x00, 0x2c, 0x00, 0x05, 0x00, 0x03, 0xc0, 0x0c,
                         0x1e, 0x00, 0x2b, 0x00, 0x02, 0x03, 0x04};
  EXPECT_EQ(hrr, cat({Bytes{0x03, 0x03}, kHelloRetryRequestRandom, Bytes{0x20}, ch->session_id,
                      Bytes{0x13, 0x01, 0x00}, extensions}));
  auto parsed = ServerHello::parse(hrr);
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->is_hello_retry_request());

  ASSERT_TRUE(client.receive(flight).ok()) << why(client);
  ASSERT_TRUE(pump(client, srv));
  EXPECT_TRUE(client.handshake_done() && srv.handshake_done()) << why(client) << " / " << why(srv);
  EXPECT_TRUE(client.negotiated().hello_retry);
}

// §4.2.8: a written retry asking for x25519, which the client already
// shared, is refused with illegal_parameter.
TEST(WrittenRetry, GroupAlreadySharedRefused) {
  auto server = tls13_server();
  server->always_hello_retry = true;
  server->bugs.written_retry = WrittenHello{
      0x0303, std::nullopt, std::nullopt, {0x1301}, {0},
      std::vector<std::pair<uint16_t, Bytes>>{{43, Bytes{0x03, 0x04}}, {51, Bytes{0x00, 0x1d}}}};
  auto p = test_support::handshake(tls13_client(), server);
  ASSERT_TRUE(p.client.error());
  EXPECT_EQ(p.client.error()->alert, AlertDescription::illegal_parameter);
}

// The random in the first ClientHello, as sent.
TEST(ClientRandom, FirstHelloCarriesIt) {
  auto client = tls13_client();
  client->bugs.client_random = Bytes(32, 0xa5);
  client->bugs.hello_edits_in = WhichHello::first;
  Connection c = Connection::client(client, {"localhost", std::nullopt});
  auto ch = ClientHello::parse(first_message_body(c.take_output(), HandshakeType::client_hello));
  ASSERT_TRUE(ch.ok());
  EXPECT_EQ(ch->random, Bytes(32, 0xa5));
}

// §4.1.2: the second ClientHello with another random is sent with it, and
// our server, which compares the two hellos, refuses it.
TEST(ClientRandom, SecondHelloCarriesItAndOurServerRefuses) {
  auto client = tls13_client();
  client->bugs.client_random = Bytes(32, 0xa5);
  client->bugs.hello_edits_in = WhichHello::second;
  auto server = tls13_server();
  server->always_hello_retry = true;
  Connection c = Connection::client(client, {"localhost", std::nullopt});
  Connection s = Connection::server(server);
  const Bytes first = c.take_output();
  auto ch1 = ClientHello::parse(first_message_body(first, HandshakeType::client_hello));
  ASSERT_TRUE(ch1.ok());
  EXPECT_NE(ch1->random, Bytes(32, 0xa5));
  ASSERT_TRUE(s.receive(first).ok()) << why(s);
  ASSERT_TRUE(c.receive(s.take_output()).ok()) << why(c);
  const Bytes second = c.take_output();
  auto ch2 = ClientHello::parse(first_message_body(second, HandshakeType::client_hello));
  ASSERT_TRUE(ch2.ok());
  EXPECT_EQ(ch2->random, Bytes(32, 0xa5));
  EXPECT_FALSE(s.receive(second).ok());
  ASSERT_TRUE(s.error());
  EXPECT_EQ(s.error()->alert, AlertDescription::illegal_parameter);
}

}  // namespace
}  // namespace gauntlet
