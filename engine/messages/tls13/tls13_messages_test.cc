#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/messages/common/message_test_util.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"
#include "engine/messages/tls13/encrypted_extensions.h"
#include "engine/messages/tls13/key_update.h"
#include "engine/messages/tls13/new_session_ticket_13.h"

namespace gauntlet {
namespace {

const auto kDecode = AlertDescription::decode_error;

TEST(EncryptedExtensions, RoundTrip) {
  const Bytes body = hex("0010 000a 0004 0002 001d 0000 0000 0010 0000");
  // supported_groups, server_name ack; ALPN with an empty body is a decode error
  expect_rejected(body, EncryptedExtensions::parse, kDecode);
  const Bytes good = hex("0010 000a 0004 0002 001d 0000 0000 0017 0000");
  expect_round_trip(good, EncryptedExtensions::parse);
  expect_round_trip(hex("0000"), EncryptedExtensions::parse);
  expect_prefixes_rejected(good, EncryptedExtensions::parse);
  expect_trailing_rejected(good, EncryptedExtensions::parse);
  auto m = EncryptedExtensions::parse(good);
  EXPECT_NE(m->extensions.get<SupportedGroups>(), nullptr);
  EXPECT_NE(m->extensions.get<ServerNameAck>(), nullptr);
}

TEST(Certificate13, EntriesWithExtensions) {
  const Bytes body = hex("00 00000f 000003 aabbcc 0000 000002 ddee 0002 ffff");
  // second entry's extensions block is truncated
  expect_rejected(body, Certificate13::parse, kDecode);
  const Bytes good = hex("02 0102 000013 000003 aabbcc 0000 000002 ddee 0004 fafa 0000");
  expect_round_trip(good, Certificate13::parse);
  auto m = Certificate13::parse(good);
  EXPECT_EQ(m->certificate_request_context, hex("0102"));
  ASSERT_EQ(m->certificate_list.size(), 2u);
  EXPECT_EQ(m->certificate_list[1].extensions.list.size(), 1u);
  expect_prefixes_rejected(good, Certificate13::parse);
  expect_trailing_rejected(good, Certificate13::parse);
  expect_round_trip(hex("00 000000"), Certificate13::parse);
  expect_rejected(hex("00 000005 000000 0000"), Certificate13::parse, kDecode);  // empty cert
}

TEST(CertificateRequest13, RequiresSignatureAlgorithms) {
  const Bytes good = hex("00 0008 000d 0004 0002 0804");
  expect_round_trip(good, CertificateRequest13::parse);
  expect_prefixes_rejected(good, CertificateRequest13::parse);
  expect_trailing_rejected(good, CertificateRequest13::parse);
  expect_rejected(hex("00 0000"), CertificateRequest13::parse,
                  AlertDescription::missing_extension);
}

TEST(NewSessionTicket13, RoundTripAndLimits) {
  const Bytes good = hex("00093a80 01020304 02 0a0b 0003 aabbcc 0008 002a 0004 00004000");
  expect_round_trip(good, NewSessionTicket13::parse);
  auto m = NewSessionTicket13::parse(good);
  EXPECT_EQ(m->ticket_lifetime, kMaxTicketLifetime);
  ASSERT_NE(m->extensions.get<MaxEarlyDataSize>(), nullptr);
  EXPECT_EQ(m->extensions.get<MaxEarlyDataSize>()->max_early_data_size, 0x4000u);
  expect_prefixes_rejected(good, NewSessionTicket13::parse);
  expect_trailing_rejected(good, NewSessionTicket13::parse);
  expect_rejected(hex("00093a81 01020304 00 0001 aa 0000"), NewSessionTicket13::parse,
                  AlertDescription::illegal_parameter);
  expect_rejected(hex("00000001 01020304 00 0000 0000"), NewSessionTicket13::parse, kDecode);
}

TEST(KeyUpdate, Values) {
  expect_round_trip(hex("00"), KeyUpdate::parse);
  expect_round_trip(hex("01"), KeyUpdate::parse);
  expect_rejected(hex("02"), KeyUpdate::parse, AlertDescription::illegal_parameter);
  expect_rejected({}, KeyUpdate::parse, kDecode);
  expect_trailing_rejected(hex("01"), KeyUpdate::parse);
  expect_round_trip({}, EndOfEarlyData::parse);
  expect_trailing_rejected({}, EndOfEarlyData::parse);
}

}  // namespace
}  // namespace gauntlet
