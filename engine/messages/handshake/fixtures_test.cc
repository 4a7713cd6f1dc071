// Real handshake messages captured from OpenSSL (testdata/capture.sh) parse
// and re-serialize byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "engine/crypto/test_hex.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/handshake/server_key_exchange.h"

namespace gauntlet {
namespace {

const char kDir[] = "engine/messages/handshake/testdata";

Bytes read_fixture(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line, text;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') text += line;
  return hex(text);
}

// Re-serializes whatever parse produced.
template <typename M>
Result<Bytes> again(const Result<M>& m) {
  if (!m) return m.error();
  return m->serialize();
}

KeyExchangeForm form_of(const std::string& name) {
  if (name.find("-ecdhe-") != std::string::npos) return KeyExchangeForm::ecdhe;
  if (name.find("-dhe-") != std::string::npos) return KeyExchangeForm::dhe;
  return KeyExchangeForm::rsa;
}

Result<Bytes> round_trip(const std::string& name, HandshakeType type, ByteView body) {
  const auto v = ProtocolVersion::tls12;
  switch (type) {
    case HandshakeType::client_hello:
      return again(ClientHello::parse(body));
    case HandshakeType::server_hello:
      return again(ServerHello::parse(body));
    case HandshakeType::certificate:
      return again(CertificateMessage::parse(body));
    case HandshakeType::certificate_request:
      return again(CertificateRequest::parse(body, v));
    case HandshakeType::server_key_exchange:
      return again(ServerKeyExchange::parse(body, form_of(name), v));
    case HandshakeType::client_key_exchange:
      return again(ClientKeyExchange::parse(body, form_of(name), v));
    case HandshakeType::certificate_verify:
      return again(CertificateVerify::parse(body, v));
    default:
      return internal_error("no parser for " + iana_name(type));
  }
}

TEST(Fixtures, CapturedMessagesRoundTripExactly) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.path().extension() != ".hex") continue;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const Bytes framed = read_fixture(entry.path());
    auto message = HandshakeMessage::parse(framed);
    ASSERT_TRUE(message.ok()) << message.error().to_string();
    auto out = round_trip(name, message->type, message->body);
    ASSERT_TRUE(out.ok()) << out.error().to_string();
    EXPECT_EQ(*out, message->body);
    ++count;
  }
  EXPECT_GE(count, 20);
}

TEST(Fixtures, OpenSslClientHelloHasTheExpectedExtensions) {
  const Bytes framed = read_fixture(std::string(kDir) + "/openssl-ecdhe-client_hello.hex");
  auto message = HandshakeMessage::parse(framed);
  ASSERT_TRUE(message.ok());
  auto hello = ClientHello::parse(message->body);
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  ASSERT_TRUE(hello->extensions.has_value());
  const auto* sni = hello->extensions->get<ServerNameList>();
  ASSERT_NE(sni, nullptr);
  EXPECT_EQ(sni->host_names, std::vector<std::string>{"localhost"});
  EXPECT_NE(hello->extensions->get<SupportedGroups>(), nullptr);
  EXPECT_NE(hello->extensions->get<SignatureAlgorithms>(), nullptr);
  EXPECT_NE(hello->extensions->find(ExtensionType::extended_master_secret), nullptr);
  EXPECT_EQ(hello->cipher_suites.front(), CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256);
}

}  // namespace
}  // namespace gauntlet
