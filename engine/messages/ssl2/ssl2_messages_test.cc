#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/messages/common/message_test_util.h"
#include "engine/messages/ssl2/client_certificate.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/client_master_key.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/messages/ssl2/short_messages.h"

namespace gauntlet {
namespace {

const auto kDecode = AlertDescription::decode_error;
const std::string kChallenge(32, 'c');  // 16 bytes of 0xcc

// An SSLv2-compatible hello offering TLS 1.0 with two TLS suites, the SCSV
// and one SSL 2.0 kind, as RFC 5246 E.2 lays it out.
const Bytes kCompatHello = hex("01 0301 000c 0000 0010 00002f 000035 0000ff 010080" + kChallenge);

TEST(Ssl2ClientHello, CompatibleHelloRoundTripsAndConverts) {
  expect_round_trip(kCompatHello, Ssl2ClientHello::parse);
  auto hello = Ssl2ClientHello::parse(kCompatHello);
  ASSERT_TRUE(hello.ok());
  EXPECT_EQ(hello->version, ProtocolVersion::tls10);
  ASSERT_EQ(hello->cipher_specs.size(), 4u);
  EXPECT_EQ(hello->cipher_specs[3], Ssl2CipherKind::rc4_128_with_md5);
  auto view = to_tls_view(*hello);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->cipher_suites,
            (std::vector{CipherSuite::rsa_with_aes_128_cbc_sha, CipherSuite::rsa_with_aes_256_cbc_sha,
                         CipherSuite::empty_renegotiation_info_scsv}));
  ASSERT_EQ(view->random.size(), 32u);
  EXPECT_EQ(view->random, hex(std::string(32, '0') + kChallenge)) << "challenge right-aligned";
}

TEST(Ssl2ClientHello, Rejections) {
  expect_prefixes_rejected(kCompatHello, Ssl2ClientHello::parse);
  expect_trailing_rejected(kCompatHello, Ssl2ClientHello::parse);
  expect_rejected(hex("01 0301 000b 0000 0010 00002f 000035 0000" + kChallenge),
                  Ssl2ClientHello::parse, kDecode);  // specs not a multiple of 3
  expect_rejected(hex("01 0301 0000 0000 0010" + kChallenge), Ssl2ClientHello::parse, kDecode);
  expect_rejected(hex("01 0301 0003 0000 000f 00002f" + std::string(30, 'c')),
                  Ssl2ClientHello::parse, kDecode);  // challenge too short
  expect_rejected(hex("01 0301 0003 0008 0010 00002f 0102030405060708" + kChallenge),
                  Ssl2ClientHello::parse, kDecode);  // 8-byte session ID
  expect_rejected(hex("04 0301 0003 0000 0010 00002f" + kChallenge), Ssl2ClientHello::parse,
                  kDecode);  // wrong message type
  auto tls12 = Ssl2ClientHello::parse(hex("01 0303 0003 0010 0010 00002f" +
                                          std::string(32, '5') + kChallenge));
  ASSERT_TRUE(tls12.ok());
  EXPECT_EQ(to_tls_view(*tls12).error().alert, AlertDescription::illegal_parameter);
}

TEST(Ssl2ServerHello, RoundTrip) {
  const Bytes body = hex("04 00 01 0002 0003 0003 0010 aabbcc 010080" + kChallenge);
  expect_round_trip(body, Ssl2ServerHello::parse);
  auto m = Ssl2ServerHello::parse(body);
  EXPECT_EQ(m->certificate, hex("aabbcc"));
  EXPECT_EQ(m->connection_id.size(), 16u);
  expect_prefixes_rejected(body, Ssl2ServerHello::parse);
  expect_trailing_rejected(body, Ssl2ServerHello::parse);
  expect_rejected(hex("04 00 01 0002 0000 0000 0004 01020304"), Ssl2ServerHello::parse, kDecode);
}

TEST(Ssl2ClientMasterKey, RoundTrip) {
  const Bytes body = hex("02 0700c0 0000 0004 0008 01020304 0102030405060708");
  expect_round_trip(body, Ssl2ClientMasterKey::parse);
  EXPECT_EQ(Ssl2ClientMasterKey::parse(body)->cipher_kind,
            Ssl2CipherKind::des_192_ede3_cbc_with_md5);
  expect_prefixes_rejected(body, Ssl2ClientMasterKey::parse);
  expect_trailing_rejected(body, Ssl2ClientMasterKey::parse);
}

TEST(Ssl2ClientCertificate, RoundTrip) {
  const Bytes body = hex("08 01 0002 0003 aabb 010203");
  expect_round_trip(body, Ssl2ClientCertificate::parse);
  expect_prefixes_rejected(body, Ssl2ClientCertificate::parse);
  expect_trailing_rejected(body, Ssl2ClientCertificate::parse);
}

TEST(Ssl2ShortMessages, RoundTrips) {
  expect_round_trip(hex("03" + kChallenge), Ssl2ClientFinished::parse);
  expect_round_trip(hex("05" + kChallenge), Ssl2ServerVerify::parse);
  expect_round_trip(hex("06" + kChallenge), Ssl2ServerFinished::parse);
  expect_rejected(hex("03"), Ssl2ClientFinished::parse, kDecode);
  expect_rejected(hex("05" + kChallenge), Ssl2ClientFinished::parse, kDecode);
  expect_round_trip(hex("07 01" + kChallenge), Ssl2RequestCertificate::parse);
  expect_rejected(hex("07 01 0102"), Ssl2RequestCertificate::parse, kDecode);
  expect_round_trip(hex("00 0001"), Ssl2Error::parse);
  EXPECT_EQ(Ssl2Error::parse(hex("00 0004"))->code, Ssl2ErrorCode::bad_certificate);
  expect_prefixes_rejected(hex("00 0001"), Ssl2Error::parse);
  expect_trailing_rejected(hex("00 0001"), Ssl2Error::parse);
}

TEST(Ssl2CipherKind, Names) {
  EXPECT_EQ(iana_name(Ssl2CipherKind::rc4_128_with_md5), "SSL_CK_RC4_128_WITH_MD5");
  EXPECT_EQ(ssl2_cipher_kind_from_name("DES-CBC3-MD5"), Ssl2CipherKind::des_192_ede3_cbc_with_md5);
  EXPECT_EQ(iana_name(static_cast<Ssl2CipherKind>(0x00002f)), "unknown(0x00002f)");
}

}  // namespace
}  // namespace gauntlet
