// TLS 1.3 record protection against RFC 8448 §3 (Simple 1-RTT Handshake):
// the client's Finished, sealed under the client handshake traffic key.
#include "engine/record/protection_tls13.h"

#include <gtest/gtest.h>

#include "engine/crypto/random.h"
#include "engine/crypto/test_hex.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

// "{client} derive write traffic keys for handshake data".
const Bytes kKey = hex("db fa a6 93 d1 76 2c 5b 66 6a f5 d9 50 25 8d 01");
const Bytes kIv = hex("5b d3 c7 1b 83 6e 0b 76 bb 73 26 5f");
// "{client} send handshake record": payload (36 octets), complete record (58 octets).
const Bytes kFinished =
    hex("14 00 00 20 a8 ec 43 6d 67 76 34 ae 52 5a c1 fc eb e1 1a 03 9e c1 76 94 fa c6 e9"
        "85 27 b6 42 f2 ed d5 ce 61");
const Bytes kRecord =
    hex("17 03 03 00 35 75 ec 4d c2 38 cc e6 0b 29 80 44 a7 1e 21 9c 56 cc 77 b0 51 7f e9"
        "b9 3c 7a 4b fc 44 d8 7f 38 f8 03 38 ac 98 fc 46 de b3 84 bd 1c ae ac ab 68 67 d7"
        "26 c4 05 46");

std::unique_ptr<RecordProtection> make(CipherDirection dir) {
  auto p = make_protection({ProtocolVersion::tls13,
                            CipherAlgorithm::aes_128_gcm,
                            MacAlgorithm::none,
                            false,
                            {},
                            kKey,
                            kIv,
                            dir,
                            nullptr});
  EXPECT_TRUE(p.ok()) << p.error().to_string();
  return std::move(*p);
}

TEST(Tls13Protection, SealsTheRfc8448ClientFinished) {
  auto writer = make(CipherDirection::encrypt);
  auto body = writer->seal(ContentType::handshake, ProtocolVersion::tls12, kFinished);
  ASSERT_TRUE(body.ok()) << body.error().to_string();
  EXPECT_EQ(write_record(ContentType::application_data, ProtocolVersion::tls12, *body), kRecord);
}

TEST(Tls13Protection, OpensTheRfc8448ClientFinished) {
  Reader in(kRecord);
  auto record = read_record(in, kMaxTls13Ciphertext);
  ASSERT_TRUE(record.ok() && record->has_value());
  auto reader = make(CipherDirection::decrypt);
  auto opened = reader->open((*record)->type, (*record)->version, (*record)->fragment);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ(opened->type, ContentType::handshake);
  EXPECT_EQ(opened->plaintext, kFinished);
}

TEST(Tls13Protection, HeaderIsTheAdditionalData) {
  const Bytes fragment(kRecord.begin() + 5, kRecord.end());
  auto reader = make(CipherDirection::decrypt);
  auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls10, fragment);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::bad_record_mac);
}

TEST(Tls13Protection, OuterTypeMustBeApplicationData) {
  const Bytes fragment(kRecord.begin() + 5, kRecord.end());
  auto reader = make(CipherDirection::decrypt);
  auto opened = reader->open(ContentType::handshake, ProtocolVersion::tls12, fragment);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::unexpected_message);
}

TEST(Tls13Protection, WrongSequenceNumberFailsTheTag) {
  const Bytes fragment(kRecord.begin() + 5, kRecord.end());
  auto reader = make(CipherDirection::decrypt);
  reader->set_next_sequence(1);
  auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls12, fragment);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::bad_record_mac);
}

std::unique_ptr<Tls13Protection> typed(CipherAlgorithm aead = CipherAlgorithm::aes_128_gcm) {
  auto p = make_tls13_protection(aead, Bytes(cipher_key_size(aead), 7), kIv);
  EXPECT_TRUE(p.ok()) << p.error().to_string();
  return std::move(*p);
}

// Every policy hides the length behind zeros the reader strips (§5.4), and
// no record's inner plaintext passes 2^14 + 1 bytes.
TEST(Tls13Protection, EveryPaddingPolicyRoundTrips) {
  DeterministicRandom random(3);
  const Tls13Padding policies[] = {Tls13Padding::none(), Tls13Padding::to_block(256),
                                   Tls13Padding::random(random), Tls13Padding::maximal()};
  for (const Tls13Padding& policy : policies) {
    for (const size_t size : {size_t{0}, size_t{2}, size_t{300}, kMaxPlaintext}) {
      auto writer = typed();
      auto reader = typed();
      writer->set_padding(policy);
      const Bytes content(size, 0x61);
      auto body = writer->seal(ContentType::alert, ProtocolVersion::tls12, content);
      ASSERT_TRUE(body.ok()) << body.error().to_string();
      EXPECT_LE(body->size(), kMaxTls13InnerPlaintext + kAeadTagSize);
      EXPECT_GE(body->size(), size + 1 + kAeadTagSize);
      auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls12, *body);
      ASSERT_TRUE(opened.ok()) << opened.error().to_string();
      EXPECT_EQ(opened->type, ContentType::alert);
      EXPECT_EQ(opened->plaintext, content);
    }
  }
}

TEST(Tls13Protection, PaddingSizesTheRecord) {
  auto writer = typed();
  auto none = writer->seal(ContentType::alert, ProtocolVersion::tls12, Bytes{1, 0});
  writer->set_padding(Tls13Padding::to_block(64));
  auto block = writer->seal(ContentType::alert, ProtocolVersion::tls12, Bytes{1, 0});
  writer->set_padding(Tls13Padding::maximal());
  auto maximal = writer->seal(ContentType::alert, ProtocolVersion::tls12, Bytes{1, 0});
  ASSERT_TRUE(none.ok() && block.ok() && maximal.ok());
  EXPECT_EQ(none->size(), 2u + 1 + kAeadTagSize);
  EXPECT_EQ(block->size(), 64u + kAeadTagSize);
  EXPECT_EQ(maximal->size(), kMaxTls13InnerPlaintext + kAeadTagSize);
}

// RFC 8446 §5.5: a key seals at most its AEAD's limit; the connection is
// told when to update it before then.
TEST(Tls13Protection, KeyUpdateIsDueBeforeTheRecordLimit) {
  auto writer = typed();
  const uint64_t limit = tls13_record_limit(CipherAlgorithm::aes_128_gcm);
  EXPECT_FALSE(writer->key_update_due());
  writer->set_next_sequence(limit - kKeyUpdateHeadroom - 1);
  EXPECT_FALSE(writer->key_update_due());
  ASSERT_TRUE(writer->seal(ContentType::application_data, ProtocolVersion::tls12, Bytes{1}).ok());
  EXPECT_TRUE(writer->key_update_due());
  writer->set_next_sequence(limit - 1);
  ASSERT_TRUE(writer->seal(ContentType::application_data, ProtocolVersion::tls12, Bytes{1}).ok());
  auto refused = writer->seal(ContentType::application_data, ProtocolVersion::tls12, Bytes{1});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().alert, AlertDescription::internal_error);
}

TEST(Tls13Protection, EachAeadHasItsLimit) {
  EXPECT_EQ(tls13_record_limit(CipherAlgorithm::aes_128_gcm), 23'726'566u);  // 2^24.5
  EXPECT_EQ(tls13_record_limit(CipherAlgorithm::aes_256_gcm), 23'726'566u);
  EXPECT_EQ(tls13_record_limit(CipherAlgorithm::aes_128_ccm), 11'863'283u);  // 2^23.5
  EXPECT_EQ(tls13_record_limit(CipherAlgorithm::aes_128_ccm_8), 11'863'283u);
  // ChaCha20-Poly1305's sequence number wraps first.
  auto chacha = typed(CipherAlgorithm::chacha20_poly1305);
  chacha->set_next_sequence(tls13_record_limit(CipherAlgorithm::aes_128_gcm));
  EXPECT_FALSE(chacha->key_update_due());
}

TEST(Tls13Protection, CiphertextOverLimitIsRecordOverflow) {
  auto reader = typed();
  const Bytes fragment(kMaxTls13Ciphertext + 1, 0);
  auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls12, fragment);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::record_overflow);
}

TEST(Tls13Protection, FactoryRefusesWhatIsNotTls13) {
  EXPECT_FALSE(make_tls13_protection(CipherAlgorithm::aes_128_cbc, Bytes(16, 0), kIv).ok());
  EXPECT_FALSE(make_tls13_protection(CipherAlgorithm::aes_128_gcm, Bytes(16, 0), Bytes(8, 0)).ok());
  EXPECT_FALSE(make_tls13_protection(CipherAlgorithm::aes_128_gcm, Bytes(32, 0), kIv).ok());
}

TEST(Tls13Protection, AllZeroInnerPlaintextIsUnexpectedMessage) {
  auto cipher = AeadCipher::create(CipherAlgorithm::aes_128_gcm, kKey);
  ASSERT_TRUE(cipher.ok());
  const Bytes inner(8, 0);
  const Bytes aad = hex("17 03 03 00 18");
  auto body = cipher->seal(kIv, aad, inner);  // sequence 0: nonce = iv
  ASSERT_TRUE(body.ok());
  auto reader = make(CipherDirection::decrypt);
  auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls12, *body);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::unexpected_message);
}

TEST(Tls13Protection, InnerPlaintextOverLimitIsRecordOverflow) {
  auto cipher = AeadCipher::create(CipherAlgorithm::aes_128_gcm, kKey);
  ASSERT_TRUE(cipher.ok());
  Bytes inner(kMaxPlaintext + 1, 0x61);
  inner.push_back(static_cast<uint8_t>(ContentType::application_data));
  const Bytes aad = {0x17, 0x03, 0x03, 0x40, 0x12};  // 2^14 + 2 + 16
  auto body = cipher->seal(kIv, aad, inner);
  ASSERT_TRUE(body.ok());
  auto reader = make(CipherDirection::decrypt);
  auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls12, *body);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::record_overflow);
}

}  // namespace
}  // namespace gauntlet
