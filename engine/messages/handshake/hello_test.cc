#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/common/message_test_util.h"
#include "engine/messages/handshake/server_hello.h"

namespace gauntlet {
namespace {

const std::string kRandom(64, 'a');  // 32 bytes of 0xaa

// version, random, session_id, suites, compression, [extensions]
const Bytes kSsl3Hello = hex("0300" + kRandom + "00 0004 002f 000a 01 00");
const Bytes kTlsHello = hex("0303" + kRandom + "20" + std::string(64, '1') +
                            "0006 c02f 009c 00ff 01 00"
                            "0016 0000 000e 000c 0000 09 6c6f63616c686f7374 0017 0000");

TEST(ClientHello, RoundTripWithAndWithoutExtensions) {
  expect_round_trip(kSsl3Hello, ClientHello::parse);
  expect_round_trip(kTlsHello, ClientHello::parse);
  auto ssl3 = ClientHello::parse(kSsl3Hello);
  EXPECT_FALSE(ssl3->extensions.has_value());
  auto tls = ClientHello::parse(kTlsHello);
  EXPECT_EQ(tls->legacy_version, ProtocolVersion::tls12);
  EXPECT_EQ(tls->session_id.size(), 32u);
  EXPECT_EQ(tls->cipher_suites.size(), 3u);
  ASSERT_TRUE(tls->extensions.has_value());
  EXPECT_EQ(tls->extensions->list.size(), 2u);
  // An empty block is kept distinct from an absent one.
  expect_round_trip(hex("0301" + kRandom + "00 0002 002f 01 00 0000"), ClientHello::parse);
}

TEST(ClientHello, Rejections) {
  // The prefix that ends before the extensions block is a valid hello.
  expect_prefixes_rejected(kTlsHello, ClientHello::parse, kTlsHello.size() - 2 - 0x16);
  expect_trailing_rejected(kTlsHello, ClientHello::parse);
  const auto decode = AlertDescription::decode_error;
  expect_rejected(hex("0303" + kRandom + "21" + std::string(66, '1') + "0002 002f 01 00"),
                  ClientHello::parse, decode);  // 33-byte session ID
  expect_rejected(hex("0303" + kRandom + "00 0000 01 00"), ClientHello::parse, decode);
  expect_rejected(hex("0303" + kRandom + "00 0003 002f00 01 00"), ClientHello::parse, decode);
  expect_rejected(hex("0303" + kRandom + "00 0002 002f 00"), ClientHello::parse, decode);
  expect_rejected(hex("0303" + kRandom + "00 0002 002f 01 00 0008 0017 0000 0017 0000"),
                  ClientHello::parse, AlertDescription::illegal_parameter);  // duplicate
  expect_rejected(hex("0303" + kRandom + "00 0002 002f 01 00 0005 0017 0000"),
                  ClientHello::parse, decode);  // block length disagrees
}

const Bytes kServerHello =
    hex("0303" + kRandom + "00 c02f 00 000f ff01 0001 00 000b 0002 0100 0017 0000");

TEST(ServerHello, RoundTrip) {
  expect_round_trip(kServerHello, ServerHello::parse);
  expect_round_trip(hex("0300" + kRandom + "00 000a 00"), ServerHello::parse);
  auto m = ServerHello::parse(kServerHello);
  EXPECT_EQ(m->cipher_suite, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256);
  EXPECT_FALSE(m->is_hello_retry_request());
  EXPECT_NE(m->extensions->get<RenegotiationInfo>(), nullptr);
  EXPECT_NE(m->extensions->get<ExtendedMasterSecret>(), nullptr);
}

TEST(ServerHello, HelloRetryRequestParsesItsOwnExtensions) {
  std::string hrr_random;
  for (uint8_t b : kHelloRetryRequestRandom) {
    static const char* digits = "0123456789abcdef";
    hrr_random += digits[b >> 4];
    hrr_random += digits[b & 15];
  }
  const Bytes body = hex("0303" + hrr_random + "00 1301 00 000c 002b 0002 0304 0033 0002 0017");
  expect_round_trip(body, ServerHello::parse);
  auto m = ServerHello::parse(body);
  EXPECT_TRUE(m->is_hello_retry_request());
  ASSERT_NE(m->extensions->get<KeyShareHelloRetry>(), nullptr);
  EXPECT_EQ(m->extensions->get<KeyShareHelloRetry>()->selected_group, NamedGroup::secp256r1);
  EXPECT_EQ(m->extensions->get<SelectedVersion>()->version, ProtocolVersion::tls13);
}

TEST(ServerHello, Rejections) {
  expect_prefixes_rejected(kServerHello, ServerHello::parse, kServerHello.size() - 2 - 0x0f);
  expect_trailing_rejected(kServerHello, ServerHello::parse);
  expect_rejected(hex("0303" + kRandom + "21" + std::string(66, '1') + "c02f 00"),
                  ServerHello::parse, AlertDescription::decode_error);
  expect_rejected(hex("0303" + kRandom + "00 c02f 00 0004 0017 0001 00"), ServerHello::parse,
                  AlertDescription::decode_error);  // extended_master_secret with a body
}

}  // namespace
}  // namespace gauntlet
