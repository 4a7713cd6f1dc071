// Our TLS 1.3 server's deviations (Bugs) reach the wire: each makes our own
// client refuse the handshake with the alert RFC 8446 names for it — the
// HelloRetryRequest's suite (§4.1.4), the ServerHello's key share (§4.2.8),
// extensions, session ID echo and compression method (§4.1.3, §4.2.1),
// extensions added to EncryptedExtensions and to a CertificateEntry (§4.2),
// a CertificateVerify naming another scheme, signed under the client's
// context string or with a broken signature (§4.4.3). Our extensions in
// another order are no deviation (§4.2): the client completes.
#include <gtest/gtest.h>

#include "engine/messages/handshake/server_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::tls13_client;
using test_support::tls13_server;

// Our client's alert for a handshake with our server misbehaving as `bugs`.
std::optional<AlertDescription> client_alert(const Bugs& bugs, bool hello_retry = false) {
  auto server = tls13_server();
  server->bugs = bugs;
  server->always_hello_retry = hello_retry;
  auto p = test_support::handshake(tls13_client(), server);
  EXPECT_FALSE(p.completed());
  if (!p.client.error()) return std::nullopt;
  return p.client.error()->alert;
}

TEST(Tls13ServerBugs, RetrySuiteDiffersFromServerHello) {
  Bugs b;
  b.retry_suite = static_cast<uint16_t>(CipherSuite::aes_256_gcm_sha384);
  EXPECT_EQ(client_alert(b, true), AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, KeyShareForAnotherGroup) {
  Bugs b;
  b.server_key_share = ServerKeyShare13{static_cast<uint16_t>(NamedGroup::secp256r1), std::nullopt};
  auto client = tls13_client();
  client->groups = {NamedGroup::x25519};
  auto server = tls13_server();
  server->bugs = b;
  auto p = test_support::handshake(client, server);
  ASSERT_TRUE(p.client.error());
  EXPECT_EQ(p.client.error()->alert, AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, KeyShareBodyAsWritten) {
  Bugs b;
  b.server_key_share = ServerKeyShare13{std::nullopt, Bytes(32, 0)};
  EXPECT_EQ(client_alert(b), AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, EncryptedExtensionsCarriesKeyShare) {
  Bugs b;
  b.encrypted_extensions = {{static_cast<uint16_t>(ExtensionType::key_share), Bytes{0, 0x1d}}};
  EXPECT_EQ(client_alert(b), AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, CertificateEntryCarriesUnknownExtension) {
  Bugs b;
  b.certificate_extensions = {{0xff42, Bytes{}}};
  EXPECT_EQ(client_alert(b), AlertDescription::unsupported_extension);
}

TEST(Tls13ServerBugs, CertificateVerifyNamesPkcs1) {
  Bugs b;
  b.certificate_verify = CertificateVerify13{SignatureScheme::rsa_pkcs1_sha256, false, false};
  EXPECT_EQ(client_alert(b), AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, CertificateVerifyUnderClientContext) {
  Bugs b;
  b.certificate_verify = CertificateVerify13{std::nullopt, true, false};
  EXPECT_EQ(client_alert(b), AlertDescription::decrypt_error);
}

TEST(Tls13ServerBugs, CertificateVerifySignatureBroken) {
  Bugs b;
  b.certificate_verify = CertificateVerify13{std::nullopt, false, true};
  EXPECT_EQ(client_alert(b), AlertDescription::decrypt_error);
}

TEST(Tls13ServerBugs, ServerHelloWithoutKeyShare) {
  Bugs b;
  b.drop_extensions = {static_cast<uint16_t>(ExtensionType::key_share)};
  EXPECT_EQ(client_alert(b), AlertDescription::missing_extension);
}

TEST(Tls13ServerBugs, ServerHelloSelectsTls12InSupportedVersions) {
  Bugs b;
  b.replace_extensions = {{static_cast<uint16_t>(ExtensionType::supported_versions), Bytes{3, 3}}};
  EXPECT_EQ(client_alert(b), AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, ServerHelloSessionIdNotEchoed) {
  Bugs b;
  b.server_session_id = Bytes(32, 0x5a);
  EXPECT_EQ(client_alert(b), AlertDescription::illegal_parameter);
}

TEST(Tls13ServerBugs, ServerHelloCompressionNotNull) {
  Bugs b;
  b.server_compression = 1;
  EXPECT_EQ(client_alert(b), AlertDescription::illegal_parameter);
}

// Ours would put key_share first (as RFC 8448's ServerHellos have it).
TEST(Tls13ServerBugs, ServerExtensionOrderIsNoDeviation) {
  auto server = tls13_server();
  server->bugs.server_extension_order = {static_cast<uint16_t>(ExtensionType::supported_versions)};
  Connection client = Connection::client(tls13_client(), {"localhost", std::nullopt});
  Connection ours = Connection::server(server);
  ASSERT_TRUE(ours.receive(client.take_output()).ok()) << test_support::why(ours);
  const Bytes flight = ours.take_output();
  // The first record holds the ServerHello alone: 5 bytes of record header,
  // 4 of handshake header.
  ASSERT_GT(flight.size(), 9u);
  const size_t length = static_cast<size_t>(flight[3] << 8 | flight[4]);
  ASSERT_GE(flight.size(), 5 + length);
  auto hello = ServerHello::parse(ByteView(flight).subspan(9, length - 4));
  ASSERT_TRUE(hello.ok() && hello->extensions);
  std::vector<ExtensionType> types;
  for (const Extension& e : hello->extensions->list) types.push_back(e.type);
  EXPECT_EQ(types, (std::vector{ExtensionType::supported_versions, ExtensionType::key_share}));

  ASSERT_TRUE(client.receive(flight).ok()) << test_support::why(client);
  ASSERT_TRUE(test_support::pump(client, ours));
  EXPECT_TRUE(client.handshake_done() && ours.handshake_done()) << test_support::why(client);
}

}  // namespace
}  // namespace gauntlet
