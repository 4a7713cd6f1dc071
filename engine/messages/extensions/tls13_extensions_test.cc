// TLS 1.3 extension bodies (RFC 8446 §4.2): round trips and rejections.
#include <gtest/gtest.h>

#include "engine/messages/extensions/extension_body.h"
#include "engine/messages/extensions/extension_test_util.h"

namespace gauntlet {
namespace {

const auto kDecode = AlertDescription::decode_error;
const auto kIllegal = AlertDescription::illegal_parameter;

TEST(SupportedVersions, ClientListAndServerSelection) {
  const Bytes list = hex("04 0304 0303");
  auto m = expect_body_round_trip<SupportedVersionsList>(list);
  EXPECT_EQ(m.versions.front(), ProtocolVersion::tls13);
  expect_truncation_and_trailing_rejected<SupportedVersionsList>(list);
  expect_body_rejected<SupportedVersionsList>(hex("00"), kDecode);
  expect_body_rejected<SupportedVersionsList>(hex("03 030403"), kDecode);
  expect_body_round_trip<SelectedVersion>(hex("0304"));
  expect_truncation_and_trailing_rejected<SelectedVersion>(hex("0304"));
}

TEST(KeyShare, ClientServerAndRetry) {
  const Bytes client = hex("000c 001d 0002 aabb 0017 0002 ccdd");
  auto m = expect_body_round_trip<ClientKeyShares>(client);
  ASSERT_EQ(m.shares.size(), 2u);
  EXPECT_EQ(m.shares[1].group, NamedGroup::secp256r1);
  expect_truncation_and_trailing_rejected<ClientKeyShares>(client);
  expect_body_round_trip<ClientKeyShares>(hex("0000"));  // empty: asks for a retry
  expect_body_rejected<ClientKeyShares>(hex("0004 001d 0000"), kDecode);
  expect_body_rejected<ClientKeyShares>(hex("000c 001d 0002 aabb 001d 0002 ccdd"), kIllegal);
  const Bytes server = hex("001d 0003 010203");
  expect_body_round_trip<ServerKeyShare>(server);
  expect_truncation_and_trailing_rejected<ServerKeyShare>(server);
  expect_body_round_trip<KeyShareHelloRetry>(hex("0017"));
  expect_truncation_and_trailing_rejected<KeyShareHelloRetry>(hex("0017"));
}

TEST(PskKeyExchangeModes, List) {
  expect_body_round_trip<PskKeyExchangeModes>(hex("01 01"));
  expect_body_round_trip<PskKeyExchangeModes>(hex("02 0001"));
  expect_body_rejected<PskKeyExchangeModes>(hex("00"), kDecode);
  expect_truncation_and_trailing_rejected<PskKeyExchangeModes>(hex("01 01"));
}

TEST(PreSharedKey, OfferedAndSelected) {
  const std::string binder(64, 'b');  // 32 bytes
  const Bytes body = hex("0009 0003 616263 00000001  0021 20" + binder);
  auto m = expect_body_round_trip<OfferedPsks>(body);
  ASSERT_EQ(m.identities.size(), 1u);
  EXPECT_EQ(m.identities[0].obfuscated_ticket_age, 1u);
  expect_truncation_and_trailing_rejected<OfferedPsks>(body);
  expect_body_rejected<OfferedPsks>(hex("0000 0021 20" + binder), kDecode);  // no identities
  expect_body_rejected<OfferedPsks>(hex("0009 0003 616263 00000001 0002 01aa"), kDecode);
  expect_body_rejected<OfferedPsks>(hex("0012 0003 616263 00000001 0003 646566 00000002"
                                        "0021 20" + binder),
                                    kIllegal);  // two identities, one binder
  expect_body_round_trip<SelectedPsk>(hex("0000"));
  expect_truncation_and_trailing_rejected<SelectedPsk>(hex("0000"));
}

TEST(EarlyData, IndicationAndMaxSize) {
  expect_body_round_trip<EarlyDataIndication>({});
  expect_body_rejected<EarlyDataIndication>(hex("00"), kDecode);
  expect_body_round_trip<MaxEarlyDataSize>(hex("00004000"));
  expect_truncation_and_trailing_rejected<MaxEarlyDataSize>(hex("00004000"));
}

TEST(Cookie, NonEmpty) {
  expect_body_round_trip<Cookie>(hex("0003 010203"));
  expect_truncation_and_trailing_rejected<Cookie>(hex("0003 010203"));
  expect_body_rejected<Cookie>(hex("0000"), kDecode);
}

TEST(PostHandshakeAuth, Empty) {
  expect_body_round_trip<PostHandshakeAuth>({});
  expect_body_rejected<PostHandshakeAuth>(hex("00"), kDecode);
}

}  // namespace
}  // namespace gauntlet
