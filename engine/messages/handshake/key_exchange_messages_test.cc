#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/common/message_test_util.h"
#include "engine/messages/handshake/server_key_exchange.h"

namespace gauntlet {
namespace {

using F = KeyExchangeForm;
const auto kTls12 = ProtocolVersion::tls12;
const auto kTls11 = ProtocolVersion::tls11;

auto ske(F form, ProtocolVersion v) {
  return [=](ByteView b) { return ServerKeyExchange::parse(b, form, v); };
}
auto cke(F form, ProtocolVersion v) {
  return [=](ByteView b) { return ClientKeyExchange::parse(b, form, v); };
}

const Bytes kDhe12 = hex("0002 ffef 0001 02 0002 1234  0401 0002 aabb");
const Bytes kEcdhe12 = hex("03 0017 03 040506  0403 0001 cc");
const Bytes kEcdhe11 = hex("03 001d 02 0708  0002 ddee");

TEST(ServerKeyExchange, DheAndEcdheInBothForms) {
  expect_round_trip(kDhe12, ske(F::dhe, kTls12));
  expect_round_trip(kEcdhe12, ske(F::ecdhe, kTls12));
  expect_round_trip(kEcdhe11, ske(F::ecdhe, kTls11));
  auto dhe = ServerKeyExchange::parse(kDhe12, F::dhe, kTls12);
  const auto& p = std::get<ServerDhParams>(dhe->params);
  EXPECT_EQ(p.p, hex("ffef"));
  EXPECT_EQ(p.g, hex("02"));
  EXPECT_EQ(dhe->signed_params.scheme, SignatureScheme::rsa_pkcs1_sha256);
  EXPECT_EQ(*dhe->params_bytes(), hex("0002 ffef 0001 02 0002 1234"));
  auto ecdhe = ServerKeyExchange::parse(kEcdhe12, F::ecdhe, kTls12);
  EXPECT_EQ(std::get<ServerEcdhParams>(ecdhe->params).group, NamedGroup::secp256r1);
  EXPECT_EQ(*ecdhe->params_bytes(), hex("03 0017 03 040506"));
}

TEST(ServerKeyExchange, Rejections) {
  expect_prefixes_rejected(kDhe12, ske(F::dhe, kTls12));
  expect_prefixes_rejected(kEcdhe12, ske(F::ecdhe, kTls12));
  expect_trailing_rejected(kEcdhe12, ske(F::ecdhe, kTls12));
  expect_rejected(hex("0000 0001 02 0001 03 0401 0000"), ske(F::dhe, kTls12),
                  AlertDescription::decode_error);  // empty p
  expect_rejected(hex("01 0017 01 04 0403 0000"), ske(F::ecdhe, kTls12),
                  AlertDescription::illegal_parameter);  // explicit_prime curve
  expect_rejected(hex("03 0017 00 0403 0000"), ske(F::ecdhe, kTls12),
                  AlertDescription::decode_error);  // empty point
  expect_rejected(kEcdhe12, ske(F::ecdhe, kTls11), AlertDescription::decode_error);
}

TEST(ClientKeyExchange, EveryForm) {
  expect_round_trip(hex("0003 aabbcc"), cke(F::rsa, kTls12));
  expect_round_trip(hex("aabbcc"), cke(F::rsa, ProtocolVersion::ssl3));
  expect_round_trip(hex("0002 1234"), cke(F::dhe, kTls12));
  expect_round_trip(hex("03 040506"), cke(F::ecdhe, kTls12));
  EXPECT_EQ(ClientKeyExchange::parse(hex("aabbcc"), F::rsa, ProtocolVersion::ssl3)->exchange_keys,
            hex("aabbcc"));
}

TEST(ClientKeyExchange, Rejections) {
  expect_prefixes_rejected(hex("0003 aabbcc"), cke(F::rsa, kTls12));
  expect_prefixes_rejected(hex("0002 1234"), cke(F::dhe, kTls12));
  expect_prefixes_rejected(hex("03 040506"), cke(F::ecdhe, kTls12));
  expect_trailing_rejected(hex("0003 aabbcc"), cke(F::rsa, kTls12));
  expect_trailing_rejected(hex("03 040506"), cke(F::ecdhe, kTls12));
  expect_rejected(hex("0000"), cke(F::dhe, kTls12), AlertDescription::decode_error);
  expect_rejected(hex("00"), cke(F::ecdhe, kTls12), AlertDescription::decode_error);
  // TLS needs the length the SSL 3.0 form lacks.
  expect_rejected(hex("aabbcc"), cke(F::rsa, kTls12), AlertDescription::decode_error);
}

}  // namespace
}  // namespace gauntlet
