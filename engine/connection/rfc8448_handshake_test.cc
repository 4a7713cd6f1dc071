// RFC 8448 §3's simple 1-RTT handshake and §5's HelloRetryRequest replayed
// through the engine with the trace's randoms and key shares injected: our
// client's ClientHellos, every secret it logs and its encrypted Finished are
// the trace's byte for byte, and it takes the trace's server flight (its
// CertificateVerify and Finished included). Our server, given the trace's
// ClientHellos, answers with the trace's HelloRetryRequest and ServerHello
// and the same handshake secrets; what follows is its own (its identity,
// and RSA-PSS salts are random).
#include <gtest/gtest.h>

#include "engine/connection/connection.h"
#include "engine/crypto/hash.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/rfc8448_trace.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using rfc8448::handshake_record;
using rfc8448::keylog_by_label;
using rfc8448::random_of;
using rfc8448::trace_config;
using rfc8448::value;

TEST(Rfc8448Simple, OurClientReproducesTheTrace) {
  std::vector<std::string> keylog;
  auto config = trace_config(
      {random_of(value("simple.client_hello")), value("simple.client_private")}, keylog);
  Connection client = Connection::client(config, {"server", std::nullopt});
  ASSERT_EQ(client.take_output(),
            handshake_record(ProtocolVersion::tls10, value("simple.client_hello")))
      << test_support::why(client);

  Bytes server_flight = handshake_record(ProtocolVersion::tls12, value("simple.server_hello"));
  const Bytes& rest = value("simple.server_handshake_record");
  server_flight.insert(server_flight.end(), rest.begin(), rest.end());
  ASSERT_TRUE(client.receive(server_flight).ok()) << test_support::why(client);
  EXPECT_TRUE(client.handshake_done());
  EXPECT_EQ(client.take_output(), value("simple.client_finished_record"));

  rfc8448::expect_logged_secrets(keylog, "simple");
  EXPECT_EQ(client.negotiated().exporter_master_secret, value("simple.exporter_master_secret"));

  // The trace's first application record: bytes 0x00..0x31 at sequence 0.
  Bytes data(50);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i);
  ASSERT_TRUE(client.write(data).ok());
  EXPECT_EQ(client.take_output(), value("simple.client_application_record"));
}

TEST(Rfc8448Simple, OurServerAnswersWithTheTraceServerHello) {
  std::vector<std::string> keylog;
  auto config = trace_config(
      {value("simple.server_private"), random_of(value("simple.server_hello"))}, keylog);
  config->identities = {test_support::test_identity("server-rsa")};
  Connection server = Connection::server(config);
  ASSERT_TRUE(
      server.receive(handshake_record(ProtocolVersion::tls10, value("simple.client_hello"))).ok())
      << test_support::why(server);
  const Bytes out = server.take_output();
  const Bytes expected = handshake_record(ProtocolVersion::tls12, value("simple.server_hello"));
  ASSERT_GE(out.size(), expected.size());
  EXPECT_EQ(Bytes(out.begin(), out.begin() + expected.size()), expected);
  const auto secrets = keylog_by_label(keylog);
  EXPECT_EQ(secrets.at("CLIENT_HANDSHAKE_TRAFFIC_SECRET"),
            value("simple.client_handshake_traffic_secret"));
  EXPECT_EQ(secrets.at("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
            value("simple.server_handshake_traffic_secret"));
}

// §5's peers: x25519, P-256 and P-384 only.
std::shared_ptr<Config> retry_config(std::vector<Bytes> randomness,
                                     std::vector<std::string>& keylog) {
  auto c = trace_config(std::move(randomness), keylog);
  c->groups = {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1};
  return c;
}

// EcdhKey draws field size + 8 bytes and takes them mod (order - 1), plus 1:
// these give the scalar `d` (below the order, as the trace's are).
Bytes p256_draw(const Bytes& d) {
  Bytes r(8, 0);
  r.insert(r.end(), d.begin(), d.end());
  for (auto it = r.rbegin(); it != r.rend() && (*it)-- == 0; ++it) {
  }
  return r;
}

Bytes hello_retry_cookie() {
  auto hrr = ServerHello::parse(ByteView(value("hrr.hello_retry_request")).subspan(4));
  EXPECT_TRUE(hrr.ok());
  return std::get<Cookie>(hrr->extensions->find(ExtensionType::cookie)->body).cookie;
}

// §4.4.1: the trace's transcript through ServerHello, with ClientHello1
// as its message_hash.
TEST(Rfc8448Retry, TranscriptHashesTheFirstHelloAsMessageHash) {
  const Bytes first = hash(HashAlgorithm::sha256, value("hrr.client_hello_1"));
  Transcript t;
  t.update(HandshakeMessage{HandshakeType::message_hash, first}.serialize());
  for (const char* m : {"hrr.hello_retry_request", "hrr.client_hello_2", "hrr.server_hello"}) {
    t.update(value(m));
  }
  EXPECT_EQ(t.digest(HashAlgorithm::sha256), value("hrr.hello_hash"));
}

TEST(Rfc8448Retry, OurClientReproducesTheTrace) {
  std::vector<std::string> keylog;
  auto config = retry_config({random_of(value("hrr.client_hello_1")),
                              value("hrr.client_private_x25519"),
                              p256_draw(value("hrr.client_private_p256"))},
                             keylog);
  // The trace's client names psk_key_exchange_modes without RFC 5077's
  // session_ticket, which our Config cannot say: with tickets off, the two
  // extensions its hellos end with go in raw, after the sorted ones. The
  // second ClientHello carries the cookie after signature_algorithms and is
  // padded.
  config->offer_tickets = false;
  config->pad_client_hello = true;
  config->bugs.extension_order = {0, 0xff01, 10, 51, 43, 13, 44};
  config->record_size_limit.reset();
  config->bugs.extra_extensions = {{0x2d, {0x01, 0x01}}, {0x1c, {0x40, 0x01}}};
  Connection client = Connection::client(config, {"server", std::nullopt});
  ASSERT_EQ(client.take_output(),
            handshake_record(ProtocolVersion::tls10, value("hrr.client_hello_1")));
  ASSERT_TRUE(
      client.receive(handshake_record(ProtocolVersion::tls12, value("hrr.hello_retry_request")))
          .ok())
      << test_support::why(client);
  ASSERT_EQ(client.take_output(),
            handshake_record(ProtocolVersion::tls12, value("hrr.client_hello_2")));

  Bytes server_flight = handshake_record(ProtocolVersion::tls12, value("hrr.server_hello"));
  const Bytes& rest = value("hrr.server_handshake_record");
  server_flight.insert(server_flight.end(), rest.begin(), rest.end());
  ASSERT_TRUE(client.receive(server_flight).ok()) << test_support::why(client);
  EXPECT_TRUE(client.handshake_done());
  EXPECT_EQ(client.take_output(), value("hrr.client_finished_record"));
  rfc8448::expect_logged_secrets(keylog, "hrr");
}

TEST(Rfc8448Retry, OurServerAnswersWithTheTraceHelloRetryRequestAndServerHello) {
  std::vector<std::string> keylog;
  auto config = retry_config({p256_draw(value("hrr.server_private_p256")),
                              random_of(value("hrr.server_hello"))},
                             keylog);
  // The trace's server wants P-256; the cookie is its own state.
  config->groups = {NamedGroup::secp256r1, NamedGroup::secp384r1};
  config->hello_retry_cookie = hello_retry_cookie();
  config->identities = {test_support::test_identity("server-rsa")};
  Connection server = Connection::server(config);
  ASSERT_TRUE(
      server.receive(handshake_record(ProtocolVersion::tls10, value("hrr.client_hello_1"))).ok())
      << test_support::why(server);
  EXPECT_EQ(server.take_output(),
            handshake_record(ProtocolVersion::tls12, value("hrr.hello_retry_request")));
  ASSERT_TRUE(
      server.receive(handshake_record(ProtocolVersion::tls12, value("hrr.client_hello_2"))).ok())
      << test_support::why(server);
  const Bytes out = server.take_output();
  const Bytes expected = handshake_record(ProtocolVersion::tls12, value("hrr.server_hello"));
  ASSERT_GE(out.size(), expected.size());
  EXPECT_EQ(Bytes(out.begin(), out.begin() + expected.size()), expected);
  const auto secrets = keylog_by_label(keylog);
  EXPECT_EQ(secrets.at("CLIENT_HANDSHAKE_TRAFFIC_SECRET"),
            value("hrr.client_handshake_traffic_secret"));
  EXPECT_EQ(secrets.at("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
            value("hrr.server_handshake_traffic_secret"));
}

}  // namespace
}  // namespace gauntlet
