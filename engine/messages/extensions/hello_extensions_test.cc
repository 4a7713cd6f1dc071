// TLS 1.2-era extension bodies: a round trip and each rejection rule.
#include <gtest/gtest.h>

#include "engine/messages/extensions/extension_body.h"
#include "engine/messages/extensions/extension_test_util.h"

namespace gauntlet {
namespace {

const auto kDecode = AlertDescription::decode_error;
const auto kIllegal = AlertDescription::illegal_parameter;

TEST(ServerName, HostName) {
  const Bytes body = hex("000e 00 000b 6578616d706c652e636f6d");
  auto m = expect_body_round_trip<ServerNameList>(body);
  EXPECT_EQ(m.host_names, std::vector<std::string>{"example.com"});
  expect_truncation_and_trailing_rejected<ServerNameList>(body);
  expect_body_rejected<ServerNameList>(hex("0000"), kDecode);              // empty list
  expect_body_rejected<ServerNameList>(hex("0003 00 0000"), kDecode);      // empty name
  expect_body_rejected<ServerNameList>(hex("0004 01 0001 61"), kDecode);   // unknown type
  expect_body_rejected<ServerNameList>(hex("0008 00 0001 61 00 0001 62"), kIllegal);
  expect_body_rejected<ServerNameList>(hex("0004 00 0001 00"), kIllegal);   // NUL
  expect_body_rejected<ServerNameList>(hex("0006 00 0003 610a62"), kIllegal);  // newline
  expect_body_rejected<ServerNameList>(hex("0006 00 0003 61c3a9"), kIllegal);  // non-ASCII
  expect_body_rejected<ServerNameList>(hex("0006 00 0003 611b5b"), kIllegal);  // ESC [
  expect_body_rejected<ServerNameList>(hex("0005 00 0002 612e"), kIllegal);    // trailing dot
  expect_body_rejected<ServerNameList>(hex("0006 00 0003 612e2e"), kIllegal);  // empty label
  expect_body_round_trip<ServerNameAck>({});
  expect_body_rejected<ServerNameAck>(hex("00"), kDecode);
}

// RFC 6066 §3 / RFC 1035 §2.3.4: 255 bytes is the most a host name holds.
TEST(ServerName, HostNameLength) {
  auto list = [](size_t n) {
    std::string name;
    while (name.size() < n) name += name.empty() || name.size() % 60 ? "a" : ".";
    Writer w;
    ServerNameList{{name}}.serialize(w);
    return w.take();
  };
  EXPECT_TRUE(ServerNameList::parse(list(255)).ok());
  auto over = ServerNameList::parse(list(256));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().alert, kIllegal);
  EXPECT_FALSE(ServerNameList::parse(list(65000)).ok());
  EXPECT_TRUE(check_host_name(ByteView(reinterpret_cast<const uint8_t*>("xn--bcher-kva.example"),
                                       21)).ok());
}

TEST(SupportedGroups, List) {
  const Bytes body = hex("0006 001d 0017 0100");
  auto m = expect_body_round_trip<SupportedGroups>(body);
  EXPECT_EQ(m.values.front(), NamedGroup::x25519);
  expect_truncation_and_trailing_rejected<SupportedGroups>(body);
  expect_body_rejected<SupportedGroups>(hex("0000"), kDecode);
  expect_body_rejected<SupportedGroups>(hex("0003 001d00"), kDecode);
}

TEST(EcPointFormats, List) {
  const Bytes body = hex("03 000102");
  expect_body_round_trip<EcPointFormats>(body);
  expect_truncation_and_trailing_rejected<EcPointFormats>(body);
  expect_body_rejected<EcPointFormats>(hex("00"), kDecode);
}

TEST(SignatureAlgorithms, PlainAndCert) {
  const Bytes body = hex("0004 0804 0403");
  auto m = expect_body_round_trip<SignatureAlgorithms>(body);
  EXPECT_EQ(m.values.back(), SignatureScheme::ecdsa_secp256r1_sha256);
  expect_body_round_trip<SignatureAlgorithmsCert>(body);
  expect_truncation_and_trailing_rejected<SignatureAlgorithms>(body);
  expect_body_rejected<SignatureAlgorithms>(hex("0000"), kDecode);
  expect_body_rejected<SignatureAlgorithmsCert>(hex("0001 04"), kDecode);
}

TEST(EmptyBodies, EmsEtmAndAcks) {
  expect_body_round_trip<ExtendedMasterSecret>({});
  expect_body_round_trip<EncryptThenMac>({});
  expect_body_round_trip<StatusRequestAck>({});
  expect_body_rejected<ExtendedMasterSecret>(hex("00"), kDecode);
  expect_body_rejected<EncryptThenMac>(hex("0000"), kDecode);
}

TEST(RenegotiationInfo, InitialAndRenegotiating) {
  expect_body_round_trip<RenegotiationInfo>(hex("00"));
  const Bytes body = hex("0c 0102030405060708090a0b0c");
  auto m = expect_body_round_trip<RenegotiationInfo>(body);
  EXPECT_EQ(m.renegotiated_connection.size(), 12u);
  expect_truncation_and_trailing_rejected<RenegotiationInfo>(body);
}

TEST(SessionTicket, AnyLength) {
  expect_body_round_trip<SessionTicketExtension>({});
  expect_body_round_trip<SessionTicketExtension>(Bytes(300, 7));
}

TEST(Alpn, Names) {
  const Bytes body = hex("000c 02 6832 08 687474702f312e31");
  auto m = expect_body_round_trip<Alpn>(body);
  EXPECT_EQ(m.protocols, (std::vector<std::string>{"h2", "http/1.1"}));
  expect_truncation_and_trailing_rejected<Alpn>(body);
  expect_body_rejected<Alpn>(hex("0000"), kDecode);
  expect_body_rejected<Alpn>(hex("0001 00"), kDecode);  // empty name
}

TEST(StatusRequest, OcspAndOther) {
  const Bytes ocsp = hex("01 0000 0000");
  expect_body_round_trip<StatusRequest>(ocsp);
  expect_truncation_and_trailing_rejected<StatusRequest>(ocsp);
  expect_body_round_trip<StatusRequest>(hex("02 abcdef"));
  expect_body_rejected<StatusRequest>({}, kDecode);
}

TEST(ValueBodies, RangesAndSizes) {
  expect_body_round_trip<MaxFragmentLength>(hex("01"));
  expect_body_round_trip<MaxFragmentLength>(hex("04"));
  expect_body_rejected<MaxFragmentLength>(hex("00"), kIllegal);
  expect_body_rejected<MaxFragmentLength>(hex("05"), kIllegal);
  expect_body_rejected<MaxFragmentLength>(hex("0101"), kDecode);
  expect_body_round_trip<RecordSizeLimit>(hex("0040"));
  expect_body_rejected<RecordSizeLimit>(hex("003f"), kIllegal);
  expect_body_rejected<RecordSizeLimit>(hex("40"), kDecode);
  expect_body_round_trip<Heartbeat>(hex("01"));
  expect_body_round_trip<Heartbeat>(hex("02"));
  expect_body_rejected<Heartbeat>(hex("03"), kIllegal);
  expect_body_round_trip<Padding>(Bytes(100, 0));
  expect_body_round_trip<Padding>({});
  expect_body_rejected<Padding>(hex("0001"), kIllegal);
}

}  // namespace
}  // namespace gauntlet
