// RFC 8448 §4's resumed 0-RTT handshake replayed through our client, with
// the trace's random, key share and ticket (§3's, and the age the trace
// reports) injected: its ClientHello (padded, the binder last) and early
// data record, its EndOfEarlyData and Finished records and its application
// record are the trace's byte for byte, every secret it logs is the
// trace's, and it takes the trace's server flight and application record.
#include <gtest/gtest.h>

#include "engine/base/reader.h"
#include "engine/connection/connection.h"
#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/rfc8448_trace.h"

namespace gauntlet {
namespace {

using rfc8448::handshake_record;
using rfc8448::keylog_by_label;
using rfc8448::random_of;
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
  auto config = rfc8448::trace_config(
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

}  // namespace
}  // namespace gauntlet
