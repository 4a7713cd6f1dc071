// CBC padding rules, with records built by hand so the padding can be wrong
// in exactly one way (RFC 5246 §6.2.3.2, RFC 6101 §5.2.3.2).
#include <gtest/gtest.h>

#include "engine/crypto/cipher.h"
#include "engine/crypto/random.h"
#include "engine/record/protection.h"
#include "engine/record/record_mac.h"

namespace gauntlet {
namespace {

const Bytes kMacKey(20, 0x11);
const Bytes kKey(16, 0x22);
const Bytes kIv(16, 0x33);

// plaintext || MAC || padding, encrypted under AES-128-CBC with kIv; with an
// explicit IV prefix for TLS 1.1+.
Bytes build(ProtocolVersion version, ByteView plaintext, const Bytes& padding) {
  RecordMac mac(version, MacAlgorithm::hmac_sha1, kMacKey);
  Bytes data(plaintext.begin(), plaintext.end());
  const Bytes tag = mac.compute(0, ContentType::application_data, version, plaintext);
  data.insert(data.end(), tag.begin(), tag.end());
  data.insert(data.end(), padding.begin(), padding.end());
  auto cipher = CbcCipher::create(CipherAlgorithm::aes_128_cbc, kKey, kIv, CipherDirection::encrypt);
  EXPECT_TRUE(cipher.ok());
  Bytes out(data.size());
  EXPECT_TRUE(cipher->process(data, out).ok());
  if (version >= ProtocolVersion::tls11) out.insert(out.begin(), kIv.begin(), kIv.end());
  return out;
}

Result<OpenedRecord> open(ProtocolVersion version, ByteView record) {
  DeterministicRandom random(1);
  auto reader = make_protection({version, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1,
                                 false, kMacKey, kKey, kIv, CipherDirection::decrypt, &random});
  EXPECT_TRUE(reader.ok());
  return (*reader)->open(ContentType::application_data, version, record);
}

Bytes padding_of(size_t length, uint8_t value) {
  Bytes p(length + 1, value);
  p.back() = static_cast<uint8_t>(length);
  return p;
}

const Bytes kPlaintext(12, 0x41);  // 12 + 20 MAC = 32: padding fills whole blocks

TEST(CbcPadding, MinimalPaddingAccepted) {
  for (auto v : {ProtocolVersion::tls10, ProtocolVersion::tls12}) {
    auto r = open(v, build(v, kPlaintext, padding_of(15, 15)));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->plaintext, kPlaintext);
  }
}

TEST(CbcPadding, MaximalPaddingAcceptedInTls) {
  auto r = open(ProtocolVersion::tls12, build(ProtocolVersion::tls12, kPlaintext,
                                              padding_of(255, 255)));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->plaintext, kPlaintext);
}

TEST(CbcPadding, WrongPaddingByteRejectedInTls) {
  for (size_t position = 0; position < 15; ++position) {
    Bytes padding = padding_of(15, 15);
    padding[position] = 14;
    auto r = open(ProtocolVersion::tls12, build(ProtocolVersion::tls12, kPlaintext, padding));
    ASSERT_FALSE(r.ok()) << position;
    EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
  }
}

TEST(CbcPadding, ZeroFilledPaddingRejectedInTls) {
  auto r = open(ProtocolVersion::tls11, build(ProtocolVersion::tls11, kPlaintext,
                                              padding_of(31, 0)));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(CbcPadding, PaddingLongerThanRecordRejected) {
  // 48 bytes decrypted, length byte says 200: longer than the record.
  Bytes padding = padding_of(15, 200);
  padding.back() = 200;
  auto r = open(ProtocolVersion::tls12, build(ProtocolVersion::tls12, kPlaintext, padding));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(CbcPadding, Ssl3AcceptsArbitraryPaddingContent) {
  auto r = open(ProtocolVersion::ssl3, build(ProtocolVersion::ssl3, kPlaintext,
                                             padding_of(15, 0xa5)));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->plaintext, kPlaintext);
}

TEST(CbcPadding, Ssl3RejectsPaddingOfABlockOrMore) {
  auto r = open(ProtocolVersion::ssl3, build(ProtocolVersion::ssl3, kPlaintext,
                                             padding_of(31, 31)));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(CbcPadding, NotAWholeNumberOfBlocks) {
  Bytes record = build(ProtocolVersion::tls12, kPlaintext, padding_of(15, 15));
  record.pop_back();
  EXPECT_EQ(open(ProtocolVersion::tls12, record).error().alert, AlertDescription::bad_record_mac);
}

TEST(CbcPadding, GoodPaddingBadMacAndBadPaddingGoodMacLookAlike) {
  Bytes bad_mac = build(ProtocolVersion::tls12, kPlaintext, padding_of(15, 15));
  bad_mac[16] ^= 1;  // first ciphertext block after the IV: plaintext garbled
  Bytes padding = padding_of(15, 15);
  padding[0] = 0;
  const Bytes bad_padding = build(ProtocolVersion::tls12, kPlaintext, padding);
  const auto a = open(ProtocolVersion::tls12, bad_mac);
  const auto b = open(ProtocolVersion::tls12, bad_padding);
  ASSERT_FALSE(a.ok());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(a.error().alert, b.error().alert);
  EXPECT_EQ(a.error().reason, b.error().reason);
}

}  // namespace
}  // namespace gauntlet
