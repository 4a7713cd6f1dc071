// Records built to order (SealShape): each departure produces exactly the
// bytes asked for, checked by decrypting what was sealed by hand, and
// nothing else changes (the MAC stays right unless flipped).
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
const Bytes kData{'p', 'i', 'n', 'g'};  // 4 + 20 MAC: 7 bytes of padding at the fewest
constexpr size_t kMac = 20;

std::unique_ptr<RecordProtection> protection(ProtocolVersion v, bool etm, CipherDirection d,
                                             RandomSource* random) {
  auto p = make_protection(
      {v, CipherAlgorithm::aes_128_cbc, MacAlgorithm::hmac_sha1, etm, kMacKey, kKey, kIv, d, random});
  EXPECT_TRUE(p.ok()) << p.error().to_string();
  return std::move(p).value();
}

struct Sealed {
  Bytes fragment;   // as sent
  Bytes decrypted;  // its CBC plaintext, decrypted by hand
};

Sealed seal(ProtocolVersion v, bool etm, const SealShape& shape) {
  DeterministicRandom random(7);
  auto writer = protection(v, etm, CipherDirection::encrypt, &random);
  auto sealed = writer->seal_shaped(ContentType::application_data, v, kData, shape);
  EXPECT_TRUE(sealed.ok()) << sealed.error().to_string();
  ByteView body = *sealed;
  if (etm) body = body.first(body.size() - kMac);
  Bytes iv = kIv;
  if (v >= ProtocolVersion::tls11) {
    iv.assign(body.begin(), body.begin() + 16);
    body = body.subspan(16);
  }
  auto cipher = CbcCipher::create(CipherAlgorithm::aes_128_cbc, kKey, iv, CipherDirection::decrypt);
  EXPECT_TRUE(cipher.ok());
  Bytes plain(body.size());
  EXPECT_TRUE(cipher->process(body, plain).ok());
  return {*sealed, plain};
}

Bytes mac_of(ProtocolVersion v, ByteView over) {
  const RecordMac mac(v, MacAlgorithm::hmac_sha1, kMacKey);
  return mac.compute(0, ContentType::application_data, v, over);
}

Result<OpenedRecord> open(ProtocolVersion v, bool etm, ByteView fragment) {
  DeterministicRandom random(7);
  return protection(v, etm, CipherDirection::decrypt, &random)
      ->open(ContentType::application_data, v, fragment);
}

TEST(SealShape, NoShapeIsAnOrdinaryRecord) {
  const Sealed s = seal(ProtocolVersion::tls12, false, {});
  EXPECT_EQ(s.decrypted.size(), 32u);
  EXPECT_TRUE(open(ProtocolVersion::tls12, false, s.fragment).ok());
}

// The most padding that fits in 255 bytes and whole blocks (7 + 16k ≤ 255:
// 247); the record still opens.
TEST(SealShape, MaximalPaddingIsValid) {
  const Sealed s = seal(ProtocolVersion::tls12, false, {.padding = 255});
  ASSERT_EQ(s.decrypted.size(), 4 + kMac + 247 + 1);
  EXPECT_EQ(Bytes(s.decrypted.end() - 248, s.decrypted.end()), Bytes(248, 247));
  auto opened = open(ProtocolVersion::tls12, false, s.fragment);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ(opened->plaintext, kData);
}

// A valid MAC under one wrong padding byte: the MAC is over the data, the
// padding has the one flipped byte, and a TLS receiver refuses it.
TEST(SealShape, OneBadPaddingByteUnderAGoodMac) {
  for (const int at : {0, 246, -1}) {
    const Sealed s = seal(ProtocolVersion::tls11, false, {.padding = 255, .flip_padding_at = at});
    const Bytes mac(s.decrypted.begin() + 4, s.decrypted.begin() + 4 + kMac);
    EXPECT_EQ(mac, mac_of(ProtocolVersion::tls11, kData));
    EXPECT_EQ(s.decrypted[4 + kMac + (at < 0 ? 247 + at : at)], 247 ^ 1);
    EXPECT_EQ(s.decrypted.back(), 247);
    auto opened = open(ProtocolVersion::tls11, false, s.fragment);
    ASSERT_FALSE(opened.ok()) << at;
    EXPECT_EQ(opened.error().alert, AlertDescription::bad_record_mac);
  }
}

TEST(SealShape, FillAndLengthByte) {
  const Sealed s = seal(ProtocolVersion::ssl3, false, {.padding_fill = 0xab});
  Bytes padding(7, 0xab);
  padding.push_back(7);
  EXPECT_EQ(Bytes(s.decrypted.end() - 8, s.decrypted.end()), padding);
  // SSL 3.0 leaves the padding's content free (RFC 6101 §5.2.3.2).
  EXPECT_TRUE(open(ProtocolVersion::ssl3, false, s.fragment).ok());
  const Sealed long_padding = seal(ProtocolVersion::ssl3, false, {.padding = 255});
  EXPECT_FALSE(open(ProtocolVersion::ssl3, false, long_padding.fragment).ok())
      << "SSL 3.0 padding is shorter than a block";
  const Sealed over = seal(ProtocolVersion::tls10, false, {.padding_length = 255});
  EXPECT_EQ(over.decrypted.size(), 32u);
  EXPECT_EQ(over.decrypted.back(), 255);
  EXPECT_FALSE(open(ProtocolVersion::tls10, false, over.fragment).ok());
}

TEST(SealShape, FlippedMacUnderGoodPadding) {
  const Sealed s = seal(ProtocolVersion::tls12, false, {.flip_mac = true});
  Bytes mac = mac_of(ProtocolVersion::tls12, kData);
  mac.back() ^= 1;
  EXPECT_EQ(Bytes(s.decrypted.begin() + 4, s.decrypted.begin() + 4 + kMac), mac);
  EXPECT_EQ(Bytes(s.decrypted.end() - 8, s.decrypted.end()), Bytes(8, 7));
  EXPECT_FALSE(open(ProtocolVersion::tls12, false, s.fragment).ok());
}

// Encrypt-then-MAC (RFC 7366): the MAC over the ciphertext is right, the
// padding inside it wrong; or the padding right and the MAC flipped.
TEST(SealShape, EncryptThenMac) {
  const Sealed bad_pad = seal(ProtocolVersion::tls12, true, {.flip_padding_at = 0});
  const ByteView ciphertext = ByteView(bad_pad.fragment).first(bad_pad.fragment.size() - kMac);
  EXPECT_EQ(Bytes(bad_pad.fragment.end() - kMac, bad_pad.fragment.end()),
            mac_of(ProtocolVersion::tls12, ciphertext));
  Bytes expected = kData;
  expected.insert(expected.end(), 12, 11);
  expected[4] ^= 1;
  EXPECT_EQ(bad_pad.decrypted, expected);
  EXPECT_FALSE(open(ProtocolVersion::tls12, true, bad_pad.fragment).ok());
  const Sealed bad_mac = seal(ProtocolVersion::tls12, true, {.flip_mac = true});
  Bytes good = bad_mac.fragment;
  good.back() ^= 1;
  EXPECT_FALSE(open(ProtocolVersion::tls12, true, bad_mac.fragment).ok());
  EXPECT_TRUE(open(ProtocolVersion::tls12, true, good).ok());
}

// Our own explicit IV (TLS 1.1+ CBC) or nonce_explicit (AES-GCM) goes out
// as given, and the record still opens: the value is the sender's choice.
TEST(SealShape, ExplicitIvAsGiven) {
  const Bytes iv(16, 0);
  for (const bool etm : {false, true}) {
    const Sealed s = seal(ProtocolVersion::tls12, etm, {.explicit_nonce = iv});
    EXPECT_EQ(Bytes(s.fragment.begin(), s.fragment.begin() + 16), iv);
    EXPECT_TRUE(open(ProtocolVersion::tls12, etm, s.fragment).ok());
  }
  DeterministicRandom random(7);
  auto tls10 = protection(ProtocolVersion::tls10, false, CipherDirection::encrypt, &random);
  EXPECT_FALSE(tls10->seal_shaped(ContentType::application_data, ProtocolVersion::tls10, kData,
                                  {.explicit_nonce = iv})
                   .ok());
  auto tls12 = protection(ProtocolVersion::tls12, false, CipherDirection::encrypt, &random);
  EXPECT_FALSE(tls12->seal_shaped(ContentType::application_data, ProtocolVersion::tls12, kData,
                                  {.explicit_nonce = Bytes(15, 0)})
                   .ok());
}

TEST(SealShape, AeadExplicitNonceAsGiven) {
  const auto gcm = [](CipherDirection d) {
    auto p = make_protection({ProtocolVersion::tls12, CipherAlgorithm::aes_128_gcm, MacAlgorithm::none,
                              false, {}, kKey, Bytes(4, 0x44), d, nullptr});
    EXPECT_TRUE(p.ok()) << p.error().to_string();
    return std::move(p).value();
  };
  const Bytes nonce{9, 9, 9, 9, 9, 9, 9, 9};
  auto sealed = gcm(CipherDirection::encrypt)
                    ->seal_shaped(ContentType::application_data, ProtocolVersion::tls12, kData,
                                  {.explicit_nonce = nonce});
  ASSERT_TRUE(sealed.ok()) << sealed.error().to_string();
  EXPECT_EQ(Bytes(sealed->begin(), sealed->begin() + 8), nonce);
  auto opened = gcm(CipherDirection::decrypt)
                    ->open(ContentType::application_data, ProtocolVersion::tls12, *sealed);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ(opened->plaintext, kData);
  EXPECT_FALSE(gcm(CipherDirection::encrypt)
                   ->seal_shaped(ContentType::application_data, ProtocolVersion::tls12, kData,
                                 {.explicit_nonce = Bytes(7, 0)})
                   .ok());
}

TEST(SealShape, PaddingOnlyForCbc) {
  auto aead = make_protection({ProtocolVersion::tls12, CipherAlgorithm::aes_128_gcm,
                               MacAlgorithm::none, false, {}, kKey, Bytes(4, 0x44),
                               CipherDirection::encrypt, nullptr});
  ASSERT_TRUE(aead.ok()) << aead.error().to_string();
  EXPECT_FALSE((*aead)->seal_shaped(ContentType::application_data, ProtocolVersion::tls12, kData,
                                    {.padding = 255})
                   .ok());
  const SealShape no_such_byte{.flip_padding_at = 7};
  DeterministicRandom random(7);
  auto cbc = protection(ProtocolVersion::tls12, false, CipherDirection::encrypt, &random);
  EXPECT_FALSE(
      cbc->seal_shaped(ContentType::application_data, ProtocolVersion::tls12, kData, no_such_byte)
          .ok());
}

}  // namespace
}  // namespace gauntlet
