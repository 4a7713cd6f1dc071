// RFC 8448 §4's resumed 0-RTT handshake replayed through both roles.
//
// Our client, with the trace's random, key share and ticket (§3's, and the
// age the trace reports) injected: its ClientHello (padded, the binder
// last) and early data record, its EndOfEarlyData and Finished records and
// its application record are the trace's byte for byte, every secret it
// logs is the trace's, and it takes the trace's server flight and
// application record.
//
// Our server, with the trace's random and key share injected, finds §3's
// ticket in its ticket store (the RFC's server sealed it under a key the
// RFC does not publish; a store holds it by identity, RFC 8446 §4.6.1),
// checks its binder, takes the early data, and answers with the trace's
// ServerHello and EncryptedExtensions + Finished record (NSS's extension
// order, and the three EncryptedExtensions entries of NSS's that ours does
// not send, bent in by Bugs); it reads the trace's EndOfEarlyData, Finished
// and application record, logs every secret the trace has, and its first
// application record is the trace's.
#include <gtest/gtest.h>

#include "engine/base/reader.h"
#include "engine/connection/connection.h"
#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/session/session_cache.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/rfc8448_trace.h"

namespace gauntlet {
namespace {

using rfc8448::handshake_record;
using rfc8448::keylog_by_label;
using rfc8448::random_of;
using rfc8448::trace_config;
using rfc8448::value;

uint32_t u32_of(const std::string& name) {
  uint32_t v = 0;
  Reader r(value(name));
  EXPECT_TRUE(r.u32(v)) << name;
  return v;
}

// §3's NewSessionTicket as our client keeps it, received just now.
Session section3_ticket() {
  Session t;
  t.version = ProtocolVersion::tls13;
  t.suite = CipherSuite::aes_128_gcm_sha256;
  t.master_secret = value("simple.resumption_psk");
  t.server_name = "server";
  t.created = test_support::kTestNow;
  t.lifetime = 30;
  t.ticket = value("resumed.ticket");
  t.ticket_age_add = u32_of("resumed.ticket_age_add");
  t.max_early_data = u32_of("resumed.max_early_data_size");
  return t;
}

// The same ticket as a server stores it: the session under its identity.
Session section3_stored() {
  Session s = section3_ticket();
  s.id = std::move(s.ticket);
  s.ticket.clear();
  return s;
}

Bytes bytes_0_to_49() {
  Bytes data(50);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i);
  return data;
}

Bytes concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

TEST(Rfc8448Resumed, OurClientReproducesTheTrace) {
  std::vector<std::string> keylog;
  auto config = trace_config(
      {random_of(value("resumed.client_hello")), value("resumed.client_private")}, keylog);
  // The trace's client asks for no RFC 5077 ticket here, pads its hello to
  // 512 bytes (RFC 7685) and sends early_data after key_share; the ticket's
  // age is the trace's (6 ms, finer than our clock).
  config->bugs.drop_extensions = {static_cast<uint16_t>(ExtensionType::session_ticket)};
  config->bugs.extension_order = {0, 0xff01, 10, 51, 42, 43, 13, 45, 28};
  config->bugs.obfuscated_ticket_age = u32_of("resumed.obfuscated_ticket_age");
  config->pad_client_hello = true;
  Connection client =
      Connection::client(config, {"server", section3_ticket(), value("resumed.early_data")});
  ASSERT_EQ(client.take_output(),
            concat(handshake_record(ProtocolVersion::tls10, value("resumed.client_hello")),
                   value("resumed.client_early_record")))
      << test_support::why(client);

  ASSERT_TRUE(client
                  .receive(concat(handshake_record(ProtocolVersion::tls12,
                                                   value("resumed.server_hello")),
                                  value("resumed.server_handshake_record")))
                  .ok())
      << test_support::why(client);
  ASSERT_TRUE(client.handshake_done());
  EXPECT_TRUE(client.negotiated().resumed);
  EXPECT_TRUE(client.negotiated().early_data_accepted);
  // §4.5: EndOfEarlyData under the early key, then Finished.
  EXPECT_EQ(client.take_output(), concat(value("resumed.end_of_early_data_record"),
                                         value("resumed.client_finished_record")));

  rfc8448::expect_logged_secrets(keylog, "resumed");
  const auto secrets = keylog_by_label(keylog);
  EXPECT_EQ(secrets.at("CLIENT_EARLY_TRAFFIC_SECRET"),
            value("resumed.client_early_traffic_secret"));
  EXPECT_EQ(secrets.at("EARLY_EXPORTER_SECRET"), value("resumed.early_exporter_master_secret"));
  EXPECT_EQ(client.negotiated().exporter_master_secret, value("resumed.exporter_master_secret"));

  ASSERT_TRUE(client.write(bytes_0_to_49()).ok());
  EXPECT_EQ(client.take_output(), value("resumed.client_application_record"));
  ASSERT_TRUE(client.receive(value("resumed.server_application_record")).ok())
      << test_support::why(client);
  EXPECT_EQ(client.read(), bytes_0_to_49());
}

// The trace's server: §3's ticket in its store, the trace's early data
// limit, no NewSessionTicket after this handshake, each flight in one
// record, NSS's three EncryptedExtensions entries that ours does not send,
// and NSS's order: pre_shared_key first in ServerHello, early_data last in
// EncryptedExtensions.
std::shared_ptr<Config> trace_server(int64_t now, std::vector<std::string>& keylog) {
  auto config = trace_config(
      {value("resumed.server_private"), random_of(value("resumed.server_hello"))}, keylog);
  config->clock = std::make_shared<FixedClock>(now);
  config->ticket_store = std::make_shared<SessionCache>();
  config->ticket_store->store(section3_stored());
  config->max_early_data = u32_of("resumed.max_early_data_size");
  config->tls13_tickets = 0;
  config->bugs.coalesce_handshake = true;
  config->bugs.encrypted_extensions = rfc8448::nss_encrypted_extensions();
  config->bugs.server_extension_order = {41, 51, 43, 10, 28, 0, 42};
  return config;
}

Bytes client_first_flight() {
  return concat(handshake_record(ProtocolVersion::tls10, value("resumed.client_hello")),
                value("resumed.client_early_record"));
}

TEST(Rfc8448Resumed, OurServerReproducesTheTrace) {
  std::vector<std::string> keylog;
  // §3's ticket was issued just now: the client's 6 ms are within our
  // window (RFC 8446 §8.3).
  Connection server = Connection::server(trace_server(test_support::kTestNow, keylog));
  ASSERT_TRUE(server.receive(client_first_flight()).ok()) << test_support::why(server);
  EXPECT_EQ(server.take_output(),
            concat(handshake_record(ProtocolVersion::tls12, value("resumed.server_hello")),
                   value("resumed.server_handshake_record")));
  // The early data, read before the handshake ends.
  EXPECT_EQ(server.read(), value("resumed.early_data"));

  ASSERT_TRUE(server
                  .receive(concat(value("resumed.end_of_early_data_record"),
                                  value("resumed.client_finished_record")))
                  .ok())
      << test_support::why(server);
  ASSERT_TRUE(server.handshake_done());
  EXPECT_TRUE(server.negotiated().resumed);
  EXPECT_EQ(server.negotiated().psk_mode, PskKeyExchangeMode::psk_dhe_ke);
  EXPECT_TRUE(server.negotiated().early_data_accepted);
  EXPECT_TRUE(server.negotiated().peer_chain.empty());

  rfc8448::expect_logged_secrets(keylog, "resumed");
  const auto secrets = keylog_by_label(keylog);
  EXPECT_EQ(secrets.at("CLIENT_EARLY_TRAFFIC_SECRET"),
            value("resumed.client_early_traffic_secret"));
  EXPECT_EQ(secrets.at("EARLY_EXPORTER_SECRET"), value("resumed.early_exporter_master_secret"));
  EXPECT_EQ(server.negotiated().early_exporter_master_secret,
            value("resumed.early_exporter_master_secret"));
  EXPECT_EQ(server.negotiated().exporter_master_secret, value("resumed.exporter_master_secret"));

  ASSERT_TRUE(server.write(bytes_0_to_49()).ok());
  EXPECT_EQ(server.take_output(), value("resumed.server_application_record"));
  ASSERT_TRUE(server.receive(value("resumed.client_application_record")).ok())
      << test_support::why(server);
  EXPECT_EQ(server.read(), bytes_0_to_49());
}

// The same ClientHello 20 s after the ticket was issued, still within its
// 30 s lifetime: the client's 6 ms are far from our 20 s (RFC 8446 §8.3),
// so the ticket resumes (the ServerHello, pre_shared_key selected, is still
// the trace's) without its 0-RTT data, which is skipped: EncryptedExtensions
// lacks early_data, and no early secret is derived.
TEST(Rfc8448Resumed, OurServerRefusesTheEarlyDataOfAStaleClientHello) {
  std::vector<std::string> keylog;
  Connection server = Connection::server(trace_server(test_support::kTestNow + 20, keylog));
  ASSERT_TRUE(server.receive(client_first_flight()).ok()) << test_support::why(server);
  const Bytes out = server.take_output();
  const Bytes hello = handshake_record(ProtocolVersion::tls12, value("resumed.server_hello"));
  ASSERT_GE(out.size(), hello.size());
  EXPECT_EQ(Bytes(out.begin(), out.begin() + hello.size()), hello);
  EXPECT_NE(out, concat(hello, value("resumed.server_handshake_record")));
  EXPECT_TRUE(server.read().empty());
  EXPECT_FALSE(server.error());
  EXPECT_FALSE(keylog_by_label(keylog).contains("CLIENT_EARLY_TRAFFIC_SECRET"));
}

}  // namespace
}  // namespace gauntlet
