// Modes OpenSSL 3 no longer negotiates (SSL 3.0, RC4) and the MAC-only NULL
// mode, checked against records computed here from the RFC formulas with the
// raw primitives: RFC 6101 §5.2.3, RFC 5246 §6.2.3.1–6.2.3.2.
#include <gtest/gtest.h>

#include "engine/base/writer.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/hmac.h"
#include "engine/crypto/random.h"
#include "engine/crypto/ssl3.h"
#include "engine/crypto/test_hex.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

const Bytes kMacKey16(16, 0x0b);
const Bytes kMacKey20(20, 0x0c);
const Bytes kKey16(16, 0x0d);
const Bytes kKey24 = hex("0123456789abcdef fedcba9876543210 89abcdef01234567");
const Bytes kIv8(8, 0x0e);
const Bytes kIv16(16, 0x0f);
const ContentType kType = ContentType::application_data;

// RFC 5246 §6.2.3.1.
Bytes tls_mac(HashAlgorithm h, ByteView key, uint64_t seq, ProtocolVersion v, ByteView data) {
  Writer w;
  w.u64(seq);
  w.u8(static_cast<uint8_t>(kType));
  w.u16(static_cast<uint16_t>(v));
  w.u16(static_cast<uint16_t>(data.size()));
  w.bytes(data);
  return hmac(h, key, w.data());
}

Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

std::unique_ptr<RecordProtection> make(ProtocolVersion v, CipherAlgorithm c, MacAlgorithm m,
                                       Bytes mac_key, Bytes key, Bytes iv, CipherDirection dir,
                                       RandomSource* random = nullptr) {
  auto p = make_protection(
      {v, c, m, false, std::move(mac_key), std::move(key), std::move(iv), dir, random});
  EXPECT_TRUE(p.ok()) << p.error().to_string();
  return std::move(*p);
}

TEST(Ssl3Stream, Rc4Md5MatchesTheRfcConstruction) {
  auto writer = make(ProtocolVersion::ssl3, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_md5,
                     kMacKey16, kKey16, {}, CipherDirection::encrypt);
  auto reader = make(ProtocolVersion::ssl3, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_md5,
                     kMacKey16, kKey16, {}, CipherDirection::decrypt);
  auto rc4 = StreamCipher::create(CipherAlgorithm::rc4_128, kKey16, CipherDirection::encrypt);
  ASSERT_TRUE(rc4.ok());
  for (uint64_t seq = 0; seq < 3; ++seq) {
    const Bytes plaintext =
        concat(text_bytes("record number "), Bytes{static_cast<uint8_t>('0' + seq)});
    Bytes expected = concat(plaintext, ssl3_mac(HashAlgorithm::md5, kMacKey16, seq,
                                                static_cast<uint8_t>(kType), plaintext));
    rc4->process(expected, expected);  // the keystream runs on across records
    auto sealed = writer->seal(kType, ProtocolVersion::ssl3, plaintext);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(*sealed, expected) << "record " << seq;
    auto opened = reader->open(kType, ProtocolVersion::ssl3, *sealed);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(opened->plaintext, plaintext);
  }
}

TEST(TlsStream, Rc4ShaMatchesTheRfcConstruction) {
  auto writer = make(ProtocolVersion::tls10, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey16, {}, CipherDirection::encrypt);
  auto rc4 = StreamCipher::create(CipherAlgorithm::rc4_128, kKey16, CipherDirection::encrypt);
  ASSERT_TRUE(rc4.ok());
  for (uint64_t seq = 0; seq < 2; ++seq) {
    const Bytes plaintext(30 + seq, 0x70);
    Bytes expected = concat(
        plaintext, tls_mac(HashAlgorithm::sha1, kMacKey20, seq, ProtocolVersion::tls10, plaintext));
    rc4->process(expected, expected);
    auto sealed = writer->seal(kType, ProtocolVersion::tls10, plaintext);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(*sealed, expected) << "record " << seq;
  }
}

TEST(TlsStream, FlippedCiphertextAndBadMacAreBadRecordMac) {
  auto writer = make(ProtocolVersion::tls10, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey16, {}, CipherDirection::encrypt);
  auto reader = make(ProtocolVersion::tls10, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey16, {}, CipherDirection::decrypt);
  Bytes sealed = *writer->seal(kType, ProtocolVersion::tls10, Bytes(10, 1));
  sealed.back() ^= 0x40;  // in the MAC
  auto opened = reader->open(kType, ProtocolVersion::tls10, sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::bad_record_mac);
}

TEST(NullCipher, NullShaIsPlaintextAndHmac) {
  auto writer = make(ProtocolVersion::tls12, CipherAlgorithm::null, MacAlgorithm::hmac_sha1,
                     kMacKey20, {}, {}, CipherDirection::encrypt);
  const Bytes plaintext = text_bytes("in the clear, but authenticated");
  for (uint64_t seq = 0; seq < 2; ++seq) {
    auto sealed = writer->seal(kType, ProtocolVersion::tls12, plaintext);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(*sealed, concat(plaintext, tls_mac(HashAlgorithm::sha1, kMacKey20, seq,
                                                 ProtocolVersion::tls12, plaintext)));
  }
}

TEST(NullCipher, DecryptedPlaintextOverLimitIsRecordOverflow) {
  auto reader = make(ProtocolVersion::tls12, CipherAlgorithm::null, MacAlgorithm::hmac_sha1,
                     kMacKey20, {}, {}, CipherDirection::decrypt);
  const Bytes plaintext(kMaxPlaintext + 1, 0x33);
  const Bytes record = concat(
      plaintext, tls_mac(HashAlgorithm::sha1, kMacKey20, 0, ProtocolVersion::tls12, plaintext));
  auto opened = reader->open(kType, ProtocolVersion::tls12, record);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().alert, AlertDescription::record_overflow);
}

TEST(Ssl3Cbc, TripleDesShaMatchesTheRfcConstruction) {
  auto writer = make(ProtocolVersion::ssl3, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey24, kIv8, CipherDirection::encrypt);
  auto reader = make(ProtocolVersion::ssl3, CipherAlgorithm::des_ede3_cbc, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey24, kIv8, CipherDirection::decrypt);
  auto cbc =
      CbcCipher::create(CipherAlgorithm::des_ede3_cbc, kKey24, kIv8, CipherDirection::encrypt);
  ASSERT_TRUE(cbc.ok());
  for (uint64_t seq = 0; seq < 2; ++seq) {
    const Bytes plaintext(5 + seq, 0x21);
    // 5 + 20 = 25 bytes: 6 bytes of padding and the length byte; then 26: 5.
    Bytes data = concat(plaintext, ssl3_mac(HashAlgorithm::sha1, kMacKey20, seq,
                                            static_cast<uint8_t>(kType), plaintext));
    const uint8_t padding = static_cast<uint8_t>((8 - (data.size() + 1) % 8) % 8);
    data.insert(data.end(), padding + 1u, padding);
    Bytes expected(data.size());
    ASSERT_TRUE(cbc->process(data, expected).ok());  // the IV chains (RFC 6101 §5.2.3.2)
    auto sealed = writer->seal(kType, ProtocolVersion::ssl3, plaintext);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(*sealed, expected) << "record " << seq;
    auto opened = reader->open(kType, ProtocolVersion::ssl3, *sealed);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(opened->plaintext, plaintext);
  }
}

TEST(Tls10Cbc, ImplicitIvIsThePreviousRecordsLastBlock) {
  auto writer = make(ProtocolVersion::tls10, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey16, kIv16, CipherDirection::encrypt);
  const Bytes first = *writer->seal(kType, ProtocolVersion::tls10, Bytes(40, 1));
  const Bytes second = *writer->seal(kType, ProtocolVersion::tls10, Bytes(7, 2));
  // Decrypting the second record alone with the first's last block as IV
  // gives plaintext || MAC(seq 1) || padding.
  auto cbc = CbcCipher::create(CipherAlgorithm::aes_128_cbc, kKey16, ByteView(first).last(16),
                               CipherDirection::decrypt);
  ASSERT_TRUE(cbc.ok());
  Bytes plain(second.size());
  ASSERT_TRUE(cbc->process(second, plain).ok());
  const Bytes expected_mac =
      tls_mac(HashAlgorithm::sha1, kMacKey20, 1, ProtocolVersion::tls10, Bytes(7, 2));
  EXPECT_EQ(Bytes(plain.begin(), plain.begin() + 7), Bytes(7, 2));
  EXPECT_EQ(Bytes(plain.begin() + 7, plain.begin() + 27), expected_mac);
  EXPECT_EQ(Bytes(plain.begin() + 27, plain.end()), Bytes(5, 4));
}

TEST(Tls11Cbc, ExplicitIvLeadsTheRecord) {
  DeterministicRandom random(5), same(5);
  auto writer = make(ProtocolVersion::tls11, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1,
                     kMacKey20, kKey16, {}, CipherDirection::encrypt, &random);
  const Bytes sealed = *writer->seal(kType, ProtocolVersion::tls11, Bytes(11, 3));
  const Bytes iv = same.bytes(16);
  ASSERT_EQ(sealed.size(), 16u + 32);
  EXPECT_EQ(Bytes(sealed.begin(), sealed.begin() + 16), iv);
  auto cbc = CbcCipher::create(CipherAlgorithm::aes_128_cbc, kKey16, iv, CipherDirection::decrypt);
  ASSERT_TRUE(cbc.ok());
  Bytes plain(32);
  ASSERT_TRUE(cbc->process(ByteView(sealed).subspan(16), plain).ok());
  EXPECT_EQ(Bytes(plain.begin() + 11, plain.begin() + 31),
            tls_mac(HashAlgorithm::sha1, kMacKey20, 0, ProtocolVersion::tls11, Bytes(11, 3)));
  EXPECT_EQ(plain.back(), 0);
}

}  // namespace
}  // namespace gauntlet
