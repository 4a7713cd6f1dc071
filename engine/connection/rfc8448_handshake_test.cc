// RFC 8448 §3's simple 1-RTT handshake replayed through the engine with the
// trace's randoms and key shares injected: our client's ClientHello, every
// secret it logs and its encrypted Finished are the trace's byte for byte,
// and it takes the trace's server flight (its CertificateVerify and
// Finished included). Our server, given the trace's ClientHello, answers
// with the trace's ServerHello and the same handshake secrets; what follows
// is its own (its identity, and RSA-PSS salts are random).
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>

#include "engine/connection/connection.h"
#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using rfc8448::value;

// The trace's random values, in the order the engine draws them.
class ScriptedRandom final : public RandomSource {
 public:
  explicit ScriptedRandom(std::vector<Bytes> script) : script_(script.begin(), script.end()) {}
  void fill(std::span<uint8_t> out) override {
    ASSERT_FALSE(script_.empty()) << "more randomness drawn than the trace has";
    const Bytes next = script_.front();
    script_.pop_front();
    ASSERT_EQ(next.size(), out.size());
    std::ranges::copy(next, out.begin());
  }

 private:
  std::deque<Bytes> script_;
};

// ClientHello.random and ServerHello.random, from the messages.
Bytes random_of(const Bytes& hello) { return Bytes(hello.begin() + 6, hello.begin() + 38); }

std::map<std::string, Bytes> keylog_by_label(const std::vector<std::string>& lines) {
  std::map<std::string, Bytes> out;
  for (const std::string& l : lines) {
    const size_t first = l.find(' '), second = l.find(' ', first + 1);
    Bytes secret;
    for (size_t i = second + 1; i + 1 < l.size() + 1; i += 2) {
      secret.push_back(static_cast<uint8_t>(std::stoi(l.substr(i, 2), nullptr, 16)));
    }
    out[l.substr(0, first)] = secret;
  }
  return out;
}

// What the trace's peers agreed to: TLS 1.3 only, its suites, groups and
// schemes in its order, record_size_limit 2^14+1, no compatibility mode.
std::shared_ptr<Config> trace_config(std::vector<Bytes> randomness,
                                     std::vector<std::string>& keylog) {
  auto c = std::make_shared<Config>();
  c->min_version = c->max_version = ProtocolVersion::tls13;
  c->cipher_suites = {CipherSuite::aes_128_gcm_sha256, CipherSuite::chacha20_poly1305_sha256,
                      CipherSuite::aes_256_gcm_sha384};
  c->groups = {NamedGroup::x25519,    NamedGroup::secp256r1, NamedGroup::secp384r1,
               NamedGroup::secp521r1, NamedGroup::ffdhe2048, NamedGroup::ffdhe3072,
               NamedGroup::ffdhe4096, NamedGroup::ffdhe6144, NamedGroup::ffdhe8192};
  c->signature_schemes.clear();
  for (const int s : {0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501,
                           0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202}) {
    c->signature_schemes.push_back(static_cast<SignatureScheme>(s));
  }
  c->encrypt_then_mac = false;
  c->extended_master_secret = false;
  c->record_size_limit = 0x4001;
  c->middlebox_compat = false;
  // The trace's extension order (NSS's), not ours.
  c->bugs.extension_order = {0, 0xff01, 10, 35, 51, 43, 13, 45, 28};
  c->random = std::make_shared<ScriptedRandom>(std::move(randomness));
  c->clock = std::make_shared<FixedClock>(test_support::kTestNow);
  c->keylog = [&keylog](std::string_view l) { keylog.emplace_back(l); };
  return c;
}

Bytes handshake_record(ProtocolVersion v, const Bytes& message) {
  return test_support::plain_record(ContentType::handshake, v, message);
}

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

  const auto secrets = keylog_by_label(keylog);
  EXPECT_EQ(secrets.at("CLIENT_HANDSHAKE_TRAFFIC_SECRET"),
            value("simple.client_handshake_traffic_secret"));
  EXPECT_EQ(secrets.at("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
            value("simple.server_handshake_traffic_secret"));
  EXPECT_EQ(secrets.at("CLIENT_TRAFFIC_SECRET_0"),
            value("simple.client_application_traffic_secret"));
  EXPECT_EQ(secrets.at("SERVER_TRAFFIC_SECRET_0"),
            value("simple.server_application_traffic_secret"));
  EXPECT_EQ(secrets.at("EXPORTER_SECRET"), value("simple.exporter_master_secret"));
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

}  // namespace
}  // namespace gauntlet
