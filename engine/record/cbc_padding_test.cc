// CBC padding rules, with records built by hand so the padding can be wrong
// in exactly one way (RFC 5246 §6.2.3.2, RFC 6101 §5.2.3.2).
#include <gtest/gtest.h>

#include "engine/base/writer.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/hmac.h"
#include "engine/crypto/random.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"
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
  auto cipher =
      CbcCipher::create(CipherAlgorithm::aes_128_cbc, kKey, kIv, CipherDirection::encrypt);
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
  auto r =
      open(ProtocolVersion::tls12, build(ProtocolVersion::tls12, kPlaintext, padding_of(255, 255)));
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
  auto r =
      open(ProtocolVersion::tls11, build(ProtocolVersion::tls11, kPlaintext, padding_of(31, 0)));
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
  auto r =
      open(ProtocolVersion::ssl3, build(ProtocolVersion::ssl3, kPlaintext, padding_of(15, 0xa5)));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->plaintext, kPlaintext);
}

TEST(CbcPadding, Ssl3RejectsPaddingOfABlockOrMore) {
  auto r =
      open(ProtocolVersion::ssl3, build(ProtocolVersion::ssl3, kPlaintext, padding_of(31, 31)));
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

TEST(CbcPadding, DecryptedPlaintextOverLimitIsRecordOverflow) {
  // Authentic and well padded, but 2^14 + 1 bytes of plaintext.
  const Bytes plaintext(kMaxPlaintext + 1, 0x41);
  const size_t padding = 15 - (plaintext.size() + 20) % 16;
  auto r = open(ProtocolVersion::tls12, build(ProtocolVersion::tls12, plaintext,
                                              padding_of(padding, static_cast<uint8_t>(padding))));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::record_overflow);
}

// Encrypt-then-MAC (RFC 7366 §3): IV || CBC(plaintext || padding) || MAC,
// the MAC over seq + type + version + length of IV and ciphertext.
Bytes build_etm(ByteView plaintext, const Bytes& padding, bool corrupt_mac) {
  Bytes data(plaintext.begin(), plaintext.end());
  data.insert(data.end(), padding.begin(), padding.end());
  auto cipher =
      CbcCipher::create(CipherAlgorithm::aes_128_cbc, kKey, kIv, CipherDirection::encrypt);
  EXPECT_TRUE(cipher.ok());
  Bytes out(data.size());
  EXPECT_TRUE(cipher->process(data, out).ok());
  out.insert(out.begin(), kIv.begin(), kIv.end());
  Writer header;
  header.u64(0);
  header.u8(static_cast<uint8_t>(ContentType::application_data));
  header.u16(static_cast<uint16_t>(ProtocolVersion::tls12));
  header.u16(static_cast<uint16_t>(out.size()));
  Hmac mac(HashAlgorithm::sha1, kMacKey);
  mac.update(header.data());
  mac.update(out);
  Bytes tag = mac.finish();
  if (corrupt_mac) tag.front() ^= 0x80;
  out.insert(out.end(), tag.begin(), tag.end());
  return out;
}

Result<OpenedRecord> open_etm(ByteView record) {
  DeterministicRandom random(1);
  auto reader = make_protection({ProtocolVersion::tls12,
                                 CipherAlgorithm::aes_128_cbc,
                                 MacAlgorithm::hmac_sha1,
                                 true,
                                 kMacKey,
                                 kKey,
                                 {},
                                 CipherDirection::decrypt,
                                 &random});
  EXPECT_TRUE(reader.ok());
  return (*reader)->open(ContentType::application_data, ProtocolVersion::tls12, record);
}

const Bytes kEtmPlaintext(11, 0x42);  // 11 + 5 padding bytes: one block

TEST(EncryptThenMac, HandBuiltRecordOpens) {
  auto r = open_etm(build_etm(kEtmPlaintext, padding_of(4, 4), false));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->plaintext, kEtmPlaintext);
}

TEST(EncryptThenMac, MaximalPaddingAccepted) {
  auto r = open_etm(build_etm(kEtmPlaintext, padding_of(244, 244), false));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->plaintext, kEtmPlaintext);
}

TEST(EncryptThenMac, BadMacIsBadRecordMac) {
  auto r = open_etm(build_etm(kEtmPlaintext, padding_of(4, 4), true));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(EncryptThenMac, AuthenticButBadPaddingIsBadRecordMac) {
  Bytes padding = padding_of(4, 4);
  padding[1] = 3;
  auto r = open_etm(build_etm(kEtmPlaintext, padding, false));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(EncryptThenMac, PaddingLongerThanRecordIsBadRecordMac) {
  Bytes padding = padding_of(4, 4);
  padding.back() = 40;
  auto r = open_etm(build_etm(kEtmPlaintext, padding, false));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(EncryptThenMac, CiphertextNotWholeBlocksIsBadRecordMac) {
  Bytes record = build_etm(kEtmPlaintext, padding_of(4, 4), false);
  record.erase(record.begin() + 20);
  auto r = open_etm(record);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().alert, AlertDescription::bad_record_mac);
}

TEST(RecordMac, CountsInnerHashBlocks) {
  // HMAC-SHA1: 64-byte key block + 13 header bytes + data + 9 bytes of MD
  // padding; the third block starts when data reaches 43 bytes.
  RecordMac tls(ProtocolVersion::tls12, MacAlgorithm::hmac_sha1, kMacKey);
  EXPECT_EQ(tls.inner_blocks(0), 2u);
  EXPECT_EQ(tls.inner_blocks(42), 2u);
  EXPECT_EQ(tls.inner_blocks(43), 3u);
  EXPECT_EQ(tls.inner_blocks(43 + 64), 4u);
  // SSL 3.0 MD5: 16-byte secret + 48 pad_1 + 11 header bytes.
  RecordMac ssl3(ProtocolVersion::ssl3, MacAlgorithm::hmac_md5, Bytes(16, 1));
  EXPECT_EQ(ssl3.inner_blocks(0), 2u);
  EXPECT_EQ(ssl3.inner_blocks(44), 2u);
  EXPECT_EQ(ssl3.inner_blocks(45), 3u);
  // HMAC-SHA384: 128-byte blocks and a 16-byte length field.
  RecordMac sha384(ProtocolVersion::tls12, MacAlgorithm::hmac_sha384, Bytes(48, 1));
  EXPECT_EQ(sha384.inner_blocks(0), 2u);
  EXPECT_EQ(sha384.inner_blocks(128 - 13 - 17), 2u);
  EXPECT_EQ(sha384.inner_blocks(128 - 13 - 16), 3u);
}

}  // namespace
}  // namespace gauntlet
