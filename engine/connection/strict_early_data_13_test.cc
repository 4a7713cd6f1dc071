// RFC 8446 §4.2.10: 0-RTT data keeps the parameters of the ticket it is sent
// under, its cipher suite and ALPN protocol. Our client offers it only when
// its ALPN offer can give the ticket's protocol again, and refuses a server
// that says it took the data in another suite or under another protocol
// (illegal_parameter; our server, bent by Bugs::encrypted_extensions, says
// so without having taken it). Our server takes it only when the protocol
// it chooses is the ticket's.
#include <gtest/gtest.h>

#include "engine/messages/handshake/client_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

const Bytes kEarly(100, 'e');

std::shared_ptr<Config> early_server(std::vector<std::string> alpn) {
  auto s = tls13_server();
  s->max_early_data = 1000;
  s->alpn = std::move(alpn);
  return s;
}

std::shared_ptr<Config> client_offering(std::vector<std::string> alpn) {
  auto c = tls13_client();
  c->alpn = std::move(alpn);
  return c;
}

// A ticket from a handshake that negotiated `alpn` (none when empty).
Session ticket_with(const std::string& alpn) {
  auto client = client_offering(alpn.empty() ? std::vector<std::string>{}
                                             : std::vector<std::string>{alpn});
  auto p = handshake(client, early_server(client->alpn));
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(p.client.negotiated().alpn, alpn);
  EXPECT_FALSE(p.client.tickets().empty());
  return p.client.tickets().empty() ? Session{} : p.client.tickets().front();
}

// A server of the ticket's keys (tls13_server()'s, seed 1).
std::shared_ptr<Config> same_keys(std::shared_ptr<Config> server) {
  server->ticket_keys = tls13_server()->ticket_keys;
  return server;
}

test_support::EnginePair with_early_data(std::shared_ptr<Config> client,
                                         std::shared_ptr<Config> server, const Session& ticket) {
  return handshake(client, server, {"localhost", ticket, kEarly});
}

bool hello_offers_early_data(std::shared_ptr<Config> client, const Session& ticket) {
  Connection c = Connection::client(client, {"localhost", ticket, kEarly});
  const Bytes out = c.take_output();
  auto ch = ClientHello::parse(ByteView(out).subspan(9, out[3] * 256 + out[4] - 4));
  EXPECT_TRUE(ch.ok()) << ch.error().to_string();
  return ch.ok() && ch->extensions && ch->extensions->find(ExtensionType::early_data);
}

TEST(Tls13EarlyDataParameters, TicketKeepsTheNegotiatedAlpn) {
  EXPECT_EQ(ticket_with("h2").alpn, "h2");
  EXPECT_EQ(ticket_with("").alpn, "");
}

TEST(Tls13EarlyDataParameters, SameAlpnIsTaken) {
  const Session ticket = ticket_with("h2");
  auto p = with_early_data(client_offering({"http/1.1", "h2"}),
                           same_keys(early_server({"h2"})), ticket);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_TRUE(p.client.negotiated().early_data_accepted);
  EXPECT_EQ(p.server.read(), kEarly);
}

// Our client: no early_data when its offer cannot name the ticket's
// protocol, or names one when the ticket has none.
TEST(Tls13EarlyDataParameters, ClientOffersItOnlyWithTheTicketsAlpn) {
  const Session h2 = ticket_with("h2");
  EXPECT_TRUE(hello_offers_early_data(client_offering({"http/1.1", "h2"}), h2));
  EXPECT_FALSE(hello_offers_early_data(client_offering({"http/1.1"}), h2));
  EXPECT_FALSE(hello_offers_early_data(client_offering({}), h2));
  const Session none = ticket_with("");
  EXPECT_TRUE(hello_offers_early_data(client_offering({}), none));
  EXPECT_FALSE(hello_offers_early_data(client_offering({"h2"}), none));
}

// A server that chooses no protocol would have taken the data a ticket
// without one was sent with; the client offering one keeps it back.
TEST(Tls13EarlyDataParameters, ClientKeepsItBackAndResumes) {
  auto p = with_early_data(client_offering({"h2"}), same_keys(early_server({})), ticket_with(""));
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_TRUE(p.server.negotiated().resumed);
  EXPECT_FALSE(p.server.negotiated().early_data_accepted);
  EXPECT_TRUE(p.server.read().empty());
}

// Our server: the ticket's protocol is h2, it now chooses http/1.1, so it
// refuses the data (skips it) and resumes.
TEST(Tls13EarlyDataParameters, ServerRefusesItUnderAnotherAlpn) {
  auto p = with_early_data(client_offering({"h2", "http/1.1"}),
                           same_keys(early_server({"http/1.1"})), ticket_with("h2"));
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(p.server.negotiated().alpn, "http/1.1");
  EXPECT_TRUE(p.server.negotiated().resumed);
  EXPECT_FALSE(p.server.negotiated().early_data_accepted);
  EXPECT_FALSE(p.client.negotiated().early_data_accepted);
  EXPECT_TRUE(p.server.read().empty());
}

void expect_client_refuses(const test_support::EnginePair& p, const std::string& reason) {
  ASSERT_TRUE(p.client.error()) << "client went on";
  EXPECT_EQ(p.client.error()->alert, AlertDescription::illegal_parameter);
  EXPECT_NE(p.client.error()->reason.find(reason), std::string::npos) << why(p.client);
}

// The server refuses (another protocol) but its EncryptedExtensions says
// early_data all the same.
TEST(Tls13EarlyDataParameters, ClientRefusesAcceptanceUnderAnotherAlpn) {
  auto server = same_keys(early_server({"http/1.1"}));
  server->bugs.encrypted_extensions = {{static_cast<uint16_t>(ExtensionType::early_data), {}}};
  auto p = with_early_data(client_offering({"h2", "http/1.1"}), server, ticket_with("h2"));
  expect_client_refuses(p, "ALPN");
}

// The ticket's suite is TLS_AES_128_GCM_SHA256; this server resumes it in
// ChaCha20-Poly1305 (same hash, §4.2.11), refuses the data, and says
// early_data all the same.
TEST(Tls13EarlyDataParameters, ClientRefusesAcceptanceInAnotherSuite) {
  const Session ticket = ticket_with("");
  ASSERT_EQ(ticket.suite, CipherSuite::aes_128_gcm_sha256);
  auto server = same_keys(early_server({}));
  server->cipher_suites = {CipherSuite::chacha20_poly1305_sha256, CipherSuite::aes_128_gcm_sha256};
  server->bugs.encrypted_extensions = {{static_cast<uint16_t>(ExtensionType::early_data), {}}};
  auto client = client_offering({});
  client->cipher_suites = {CipherSuite::chacha20_poly1305_sha256,
                           CipherSuite::aes_128_gcm_sha256};
  auto p = with_early_data(client, server, ticket);
  expect_client_refuses(p, "TLS_CHACHA20_POLY1305_SHA256");
}

}  // namespace
}  // namespace gauntlet
