// Engine client against engine server in TLS 1.3 (RFC 8446): every suite ×
// group, every signature scheme with its key, middlebox compatibility on and
// off, key log lines and exporters equal on both sides, and TLS 1.2 still
// negotiated from the same ClientHello, with the downgrade sentinel; Config's
// defaults speak TLS 1.3.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/connection/config_builder.h"
#include "engine/connection/keying_material.h"
#include "engine/connection/negotiation.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

void expect_data_and_exporters_agree(test_support::EnginePair& p) {
  ASSERT_TRUE(p.client.write(Bytes(40000, 'c')).ok());
  ASSERT_TRUE(p.server.write(Bytes{'s'}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes(40000, 'c'));
  EXPECT_EQ(p.client.read(), Bytes{'s'});
  const Bytes context{1, 2, 3};
  auto ours = export_keying_material(p.client.negotiated(), "EXPORTER-test", context, 42);
  auto theirs = export_keying_material(p.server.negotiated(), "EXPORTER-test", context, 42);
  ASSERT_TRUE(ours.ok() && theirs.ok());
  EXPECT_EQ(*ours, *theirs);
  EXPECT_EQ(ours->size(), 42u);
  p.client.close();
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_TRUE(p.server.peer_closed());
  EXPECT_FALSE(p.server.error());
}

struct SuiteGroup {
  CipherSuite suite;
  NamedGroup group;
};

class Tls13SuiteGroup : public testing::TestWithParam<SuiteGroup> {};

TEST_P(Tls13SuiteGroup, CompletesAndCarriesData) {
  auto client = tls13_client();
  client->cipher_suites = {GetParam().suite};
  client->groups = {GetParam().group};
  auto p = handshake(client, tls13_server());
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  for (const Connection* c : {&p.client, &p.server}) {
    EXPECT_EQ(c->negotiated().version, ProtocolVersion::tls13);
    EXPECT_EQ(c->negotiated().suite, GetParam().suite);
    EXPECT_EQ(c->negotiated().group, GetParam().group);
  }
  expect_data_and_exporters_agree(p);
}

std::vector<SuiteGroup> suite_groups() {
  std::vector<SuiteGroup> out;
  for (const CipherSuite s : tls13_cipher_suites()) {
    for (const NamedGroup g : test_support::kTls13Groups) out.push_back({s, g});
  }
  return out;
}

std::string suite_group_name(const testing::TestParamInfo<SuiteGroup>& info) {
  std::string name = iana_name(info.param.suite) + "_" + iana_name(info.param.group);
  std::ranges::replace_if(name, [](char ch) { return !isalnum(static_cast<unsigned char>(ch)); },
                          '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(All, Tls13SuiteGroup, testing::ValuesIn(suite_groups()),
                         suite_group_name);

class Tls13Scheme : public testing::TestWithParam<test_support::SchemeIdentity> {};

TEST_P(Tls13Scheme, ServerSignsWithIt) {
  auto client = tls13_client();
  client->signature_schemes = {GetParam().scheme};
  auto server = tls13_server();
  server->identities = {test_support::test_identity(GetParam().identity)};
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << "client: " << why(p.client) << " server: " << why(p.server);
  EXPECT_EQ(p.client.negotiated().signature_scheme, GetParam().scheme);
  expect_data_and_exporters_agree(p);
}

INSTANTIATE_TEST_SUITE_P(
    All, Tls13Scheme, testing::ValuesIn(test_support::kTls13Schemes),
    [](const testing::TestParamInfo<test_support::SchemeIdentity>& info) {
      return iana_name(info.param.scheme);
    });

TEST(Tls13, KeyLogLinesMatchOnBothSides) {
  std::vector<std::string> client_lines, server_lines;
  auto client = tls13_client();
  client->keylog = [&](std::string_view l) { client_lines.emplace_back(l); };
  auto server = tls13_server();
  server->keylog = [&](std::string_view l) { server_lines.emplace_back(l); };
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  std::ranges::sort(client_lines);
  std::ranges::sort(server_lines);
  EXPECT_EQ(client_lines, server_lines);
  ASSERT_EQ(client_lines.size(), 5u);
  for (const char* label : {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0",
                            "EXPORTER_SECRET"}) {
    EXPECT_TRUE(std::ranges::any_of(client_lines,
                                    [&](const std::string& l) { return l.starts_with(label); }))
        << label;
  }
}

// The records a side's output holds, by content type.
std::vector<uint8_t> record_types(ByteView out) {
  std::vector<uint8_t> types;
  for (size_t at = 0; at + 5 <= out.size(); at += 5 + (size_t{out[at + 3]} << 8 | out[at + 4])) {
    types.push_back(out[at]);
  }
  return types;
}

TEST(Tls13, MiddleboxCompatibilityOnByDefault) {
  auto c = Connection::client(tls13_client(), {"localhost", std::nullopt});
  auto s = Connection::server(tls13_server());
  ASSERT_TRUE(s.receive(c.take_output()).ok());
  // D.4: ServerHello, then a ChangeCipherSpec, then encrypted records.
  const auto server_types = record_types(s.take_output());
  ASSERT_GE(server_types.size(), 3u);
  EXPECT_EQ(server_types[0], 22);
  EXPECT_EQ(server_types[1], 20);
  EXPECT_EQ(server_types[2], 23);
}

// A Config left at its defaults negotiates TLS 1.3 in middlebox
// compatibility mode (RFC 8446 D.4), as OpenSSL does.
TEST(Tls13, ConfigDefaultsSpeakTls13) {
  const std::string pki = "engine/crypto/testdata/";
  auto server = ConfigBuilder()
                    .identity_files(pki + "server-rsa-chain.pem", pki + "server-rsa.key")
                    .deterministic_random(1)
                    .build();
  auto client = ConfigBuilder().trust_file(pki + "root-ca.pem").deterministic_random(2).build();
  ASSERT_TRUE(server.ok() && client.ok());
  EXPECT_EQ((*client)->max_version, ProtocolVersion::tls13);
  EXPECT_TRUE((*client)->middlebox_compat);
  auto c = Connection::client(*client, {"localhost", std::nullopt});
  auto s = Connection::server(*server);
  ASSERT_TRUE(s.receive(c.take_output()).ok());
  const auto server_types = record_types(s.take_output());
  ASSERT_GE(server_types.size(), 3u);
  EXPECT_EQ(server_types[1], 20);  // ChangeCipherSpec after ServerHello
  auto p = handshake(*client, *server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(p.client.negotiated().version, ProtocolVersion::tls13);
  EXPECT_EQ(p.server.negotiated().version, ProtocolVersion::tls13);
  EXPECT_FALSE(p.client.negotiated().hello_retry);
}

TEST(Tls13, MiddleboxCompatibilityOff) {
  auto client = tls13_client();
  client->middlebox_compat = false;
  auto c = Connection::client(client, {"localhost", std::nullopt});
  auto s = Connection::server(tls13_server());
  ASSERT_TRUE(s.receive(c.take_output()).ok());
  const auto server_types = record_types(s.take_output());
  EXPECT_EQ(std::ranges::count(server_types, 20), 0);
  auto p = handshake(client, tls13_server());
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
}

TEST(Tls13, Tls12StillNegotiatedFromTheSameHello) {
  auto server = tls13_server();
  server->max_version = ProtocolVersion::tls12;
  auto p = handshake(tls13_client(), server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(p.client.negotiated().version, ProtocolVersion::tls12);
  EXPECT_FALSE(has_downgrade_sentinel(p.client.negotiated().server_random));
}

TEST(Tls13, ServerWritesDowngradeSentinel) {
  for (const ProtocolVersion v : {ProtocolVersion::tls12, ProtocolVersion::tls11}) {
    auto client = tls13_client();
    client->min_version = ProtocolVersion::tls10;
    client->max_version = v;
    client->cipher_suites = all_engine_cipher_suites();
    auto p = handshake(client, tls13_server());
    ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
    const Bytes& random = p.client.negotiated().server_random;
    const Bytes expected{'D', 'O', 'W', 'N', 'G', 'R', 'D',
                         static_cast<uint8_t>(v == ProtocolVersion::tls12 ? 1 : 0)};
    EXPECT_EQ(Bytes(random.end() - 8, random.end()), expected);
  }
}

// RFC 8446 §4.1.3: a client offering TLS 1.3 that gets a TLS 1.2 ServerHello
// carrying the sentinel aborts: here the ServerHello answers a TLS 1.2-only
// client's hello and reaches a TLS 1.3 one.
TEST(Tls13, ClientRefusesDowngradeSentinel) {
  auto capped = tls13_client();
  capped->max_version = ProtocolVersion::tls12;
  capped->cipher_suites = all_engine_cipher_suites();
  auto old_client = Connection::client(capped, {"localhost", std::nullopt});
  auto server = Connection::server(tls13_server());
  ASSERT_TRUE(server.receive(old_client.take_output()).ok());
  auto client13 = tls13_client();
  client13->cipher_suites = tls13_cipher_suites();
  std::ranges::copy(all_engine_cipher_suites(), std::back_inserter(client13->cipher_suites));
  auto c = Connection::client(client13, {"localhost", std::nullopt});
  EXPECT_FALSE(c.receive(server.take_output()).ok());
  ASSERT_TRUE(c.error());
  EXPECT_EQ(c.error()->alert, AlertDescription::illegal_parameter);
}

}  // namespace
}  // namespace gauntlet
