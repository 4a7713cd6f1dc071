#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/empty_messages.h"
#include "engine/messages/handshake/finished.h"
#include "engine/messages/common/message_test_util.h"
#include "engine/messages/handshake/new_session_ticket.h"
#include "engine/messages/handshake/record_bodies.h"

namespace gauntlet {
namespace {

const auto kTls12 = ProtocolVersion::tls12;
const auto kTls10 = ProtocolVersion::tls10;

TEST(EmptyMessages, RoundTripAndTrailingBytes) {
  expect_round_trip({}, HelloRequest::parse);
  expect_round_trip({}, ServerHelloDone::parse);
  expect_trailing_rejected({}, HelloRequest::parse);
  expect_trailing_rejected({}, ServerHelloDone::parse);
}

TEST(Finished, LengthPerVersion) {
  EXPECT_EQ(finished_length(ProtocolVersion::ssl3), 36u);
  EXPECT_EQ(finished_length(kTls12), 12u);
  auto parse12 = [](ByteView b) { return Finished::parse(b, 12); };
  auto parse36 = [](ByteView b) { return Finished::parse(b, 36); };
  expect_round_trip(Bytes(12, 7), parse12);
  expect_round_trip(Bytes(36, 7), parse36);
  expect_prefixes_rejected(Bytes(12, 7), parse12);
  expect_trailing_rejected(Bytes(12, 7), parse12);
  expect_rejected(Bytes(12, 7), parse36, AlertDescription::decode_error);
}

TEST(ChangeCipherSpec, ExactlyOneByteOfOne) {
  expect_round_trip({1}, ChangeCipherSpec::parse);
  expect_rejected({}, ChangeCipherSpec::parse, AlertDescription::decode_error);
  expect_rejected({2}, ChangeCipherSpec::parse, AlertDescription::decode_error);
  expect_rejected({1, 1}, ChangeCipherSpec::parse, AlertDescription::decode_error);
}

TEST(Alert, LevelsAndDescriptions) {
  expect_round_trip({2, 20}, AlertMessage::parse);
  expect_round_trip({1, 0}, AlertMessage::parse);
  expect_round_trip({1, 255}, AlertMessage::parse);  // unknown description kept
  auto a = AlertMessage::parse(Bytes{2, 40});
  EXPECT_EQ(a->level, AlertLevel::fatal);
  EXPECT_EQ(a->description, AlertDescription::handshake_failure);
  expect_prefixes_rejected({2, 20}, AlertMessage::parse);
  expect_trailing_rejected({2, 20}, AlertMessage::parse);
  expect_rejected({3, 20}, AlertMessage::parse, AlertDescription::illegal_parameter);
}

TEST(Certificate, ChainRoundTrip) {
  const Bytes two = hex("00000b 000003 aabbcc 000002 ddee");
  expect_round_trip(two, CertificateMessage::parse);
  expect_round_trip(hex("000000"), CertificateMessage::parse);  // no certificate
  auto m = CertificateMessage::parse(two);
  ASSERT_EQ(m->certificate_list.size(), 2u);
  EXPECT_EQ(m->certificate_list[0], hex("aabbcc"));
  expect_prefixes_rejected(two, CertificateMessage::parse);
  expect_trailing_rejected(two, CertificateMessage::parse);
}

TEST(Certificate, Rejections) {
  expect_rejected(hex("000003 000000"), CertificateMessage::parse,
                  AlertDescription::decode_error);  // empty entry
  expect_rejected(hex("000004 000002 aabbcc"), CertificateMessage::parse,
                  AlertDescription::decode_error);  // inner length past the list
  expect_rejected(hex("000005 000001 aa"), CertificateMessage::parse,
                  AlertDescription::decode_error);  // list past the body
}

TEST(NewSessionTicket, RoundTrip) {
  const Bytes body = hex("00001c20 0004 01020304");
  expect_round_trip(body, NewSessionTicket::parse);
  expect_round_trip(hex("00000000 0000"), NewSessionTicket::parse);
  EXPECT_EQ(NewSessionTicket::parse(body)->ticket_lifetime_hint, 7200u);
  expect_prefixes_rejected(body, NewSessionTicket::parse);
  expect_trailing_rejected(body, NewSessionTicket::parse);
}

TEST(CertificateRequest, Tls12Form) {
  auto parse = [](ByteView b) { return CertificateRequest::parse(b, kTls12); };
  const Bytes body = hex("02 0140 0004 0401 0403 0005 0003 616263");
  expect_round_trip(body, parse);
  auto m = parse(body);
  EXPECT_EQ(m->certificate_types,
            (std::vector{ClientCertificateType::rsa_sign, ClientCertificateType::ecdsa_sign}));
  ASSERT_TRUE(m->supported_signature_algorithms.has_value());
  EXPECT_EQ(m->supported_signature_algorithms->size(), 2u);
  EXPECT_EQ(m->certificate_authorities.size(), 1u);
  expect_prefixes_rejected(body, parse);
  expect_trailing_rejected(body, parse);
  expect_round_trip(hex("01 01 0002 0401 0000"), parse);  // no CAs
}

TEST(CertificateRequest, Tls10Form) {
  auto parse = [](ByteView b) { return CertificateRequest::parse(b, kTls10); };
  const Bytes body = hex("01 01 0000");
  expect_round_trip(body, parse);
  EXPECT_FALSE(parse(body)->supported_signature_algorithms.has_value());
  expect_prefixes_rejected(body, parse);
}

TEST(CertificateRequest, Rejections) {
  auto parse12 = [](ByteView b) { return CertificateRequest::parse(b, kTls12); };
  expect_rejected(hex("00 0002 0401 0000"), parse12, AlertDescription::decode_error);  // no types
  expect_rejected(hex("01 01 0000 0000"), parse12, AlertDescription::decode_error);  // no sigalgs
  expect_rejected(hex("01 01 0003 040104 0000"), parse12, AlertDescription::decode_error);  // odd
  expect_rejected(hex("01 01 0002 0401 0002 0000"), parse12,
                  AlertDescription::decode_error);  // empty DN
}

TEST(CertificateVerify, BothForms) {
  auto parse12 = [](ByteView b) { return CertificateVerify::parse(b, kTls12); };
  auto parse10 = [](ByteView b) { return CertificateVerify::parse(b, kTls10); };
  const Bytes tls12 = hex("0804 0003 010203");
  const Bytes tls10 = hex("0003 010203");
  expect_round_trip(tls12, parse12);
  expect_round_trip(tls10, parse10);
  EXPECT_EQ(parse12(tls12)->signature.scheme, SignatureScheme::rsa_pss_rsae_sha256);
  EXPECT_FALSE(parse10(tls10)->signature.scheme.has_value());
  expect_prefixes_rejected(tls12, parse12);
  expect_prefixes_rejected(tls10, parse10);
  expect_trailing_rejected(tls12, parse12);
  expect_rejected(tls12, parse10, AlertDescription::decode_error);
}

}  // namespace
}  // namespace gauntlet
