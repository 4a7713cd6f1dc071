#include "engine/crypto/cipher.h"

#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

TEST(CipherTable, EveryAlgorithm) {
  struct Row {
    CipherAlgorithm c;
    CipherKind kind;
    size_t key, block, fixed_iv;
  };
  const Row rows[] = {
      {CipherAlgorithm::null, CipherKind::null, 0, 1, 0},
      {CipherAlgorithm::rc4_128, CipherKind::stream, 16, 1, 0},
      {CipherAlgorithm::des_ede3_cbc, CipherKind::block, 24, 8, 8},
      {CipherAlgorithm::aes_128_cbc, CipherKind::block, 16, 16, 16},
      {CipherAlgorithm::aes_256_cbc, CipherKind::block, 32, 16, 16},
      {CipherAlgorithm::aes_128_gcm, CipherKind::aead, 16, 1, 4},
      {CipherAlgorithm::aes_256_gcm, CipherKind::aead, 32, 1, 4},
      {CipherAlgorithm::chacha20_poly1305, CipherKind::aead, 32, 1, 12},
      {CipherAlgorithm::aes_128_ccm, CipherKind::aead, 16, 1, 4},
      {CipherAlgorithm::aes_128_ccm_8, CipherKind::aead, 16, 1, 4},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(cipher_name(r.c));
    EXPECT_FALSE(cipher_name(r.c).empty());
    EXPECT_EQ(cipher_kind(r.c), r.kind);
    EXPECT_EQ(cipher_key_size(r.c), r.key);
    EXPECT_EQ(cipher_block_size(r.c), r.block);
    EXPECT_EQ(cipher_fixed_iv_size(r.c), r.fixed_iv);
  }
}

// RFC 6229 §2, 40-bit key 0x0102030405: keystream at offsets 0 and 16.
TEST(StreamCipher, Rc4Rfc6229) {
  auto enc =
      StreamCipher::create(CipherAlgorithm::rc4_128, hex("0102030405"), CipherDirection::encrypt);
  ASSERT_TRUE(enc) << enc.error().to_string();
  Bytes first(16), second(16);
  enc->process(Bytes(16, 0), first);
  enc->process(Bytes(16, 0), second);
  EXPECT_EQ(first, hex("b2 39 63 05 f0 3d c0 27 cc c3 52 4a 0a 11 18 a8"));
  EXPECT_EQ(second, hex("69 82 94 4f 18 fc 82 d5 89 c4 03 a4 7a 0d 09 19"));
}

TEST(StreamCipher, Rc4RoundTripInPlace) {
  Bytes key = hex("000102030405060708090a0b0c0d0e0f");
  auto enc = StreamCipher::create(CipherAlgorithm::rc4_128, key, CipherDirection::encrypt);
  auto dec = StreamCipher::create(CipherAlgorithm::rc4_128, key, CipherDirection::decrypt);
  ASSERT_TRUE(enc && dec);
  Bytes message = text_bytes("attack at dawn, attack at dusk");
  Bytes buf = message;
  enc->process(buf, buf);
  EXPECT_NE(buf, message);
  dec->process(buf, buf);
  EXPECT_EQ(buf, message);
}

TEST(StreamCipher, RejectsOtherAlgorithms) {
  EXPECT_FALSE(
      StreamCipher::create(CipherAlgorithm::aes_128_cbc, Bytes(16, 0), CipherDirection::encrypt));
  EXPECT_FALSE(StreamCipher::create(CipherAlgorithm::rc4_128, {}, CipherDirection::encrypt));
}

const char* kSp800_38aPlain =
    "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";
const char* kSp800_38aIv = "000102030405060708090a0b0c0d0e0f";

struct CbcVector {
  CipherAlgorithm c;
  const char* key;
  const char* ciphertext;
};

// SP 800-38A F.2.1 (CBC-AES128) and F.2.5 (CBC-AES256).
const CbcVector kCbcVectors[] = {
    {CipherAlgorithm::aes_128_cbc, "2b7e151628aed2a6abf7158809cf4f3c",
     "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2"
     "73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"},
    {CipherAlgorithm::aes_256_cbc,
     "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
     "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d"
     "39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"},
};

TEST(CbcCipher, Sp800_38a) {
  for (const CbcVector& v : kCbcVectors) {
    SCOPED_TRACE(cipher_name(v.c));
    auto enc = CbcCipher::create(v.c, hex(v.key), hex(kSp800_38aIv), CipherDirection::encrypt);
    auto dec = CbcCipher::create(v.c, hex(v.key), hex(kSp800_38aIv), CipherDirection::decrypt);
    ASSERT_TRUE(enc && dec);
    EXPECT_EQ(enc->block_size(), 16u);
    Bytes plain = hex(kSp800_38aPlain);
    Bytes out(plain.size());
    ASSERT_TRUE(enc->process(plain, out));
    EXPECT_EQ(out, hex(v.ciphertext));
    ASSERT_TRUE(dec->process(out, out));  // in place
    EXPECT_EQ(out, plain);
  }
}

TEST(CbcCipher, IvChainsAcrossCalls) {
  const CbcVector& v = kCbcVectors[0];
  for (CipherDirection dir : {CipherDirection::encrypt, CipherDirection::decrypt}) {
    auto split = CbcCipher::create(v.c, hex(v.key), hex(kSp800_38aIv), dir);
    ASSERT_TRUE(split);
    Bytes in = dir == CipherDirection::encrypt ? hex(kSp800_38aPlain) : hex(v.ciphertext);
    Bytes expected = dir == CipherDirection::encrypt ? hex(v.ciphertext) : hex(kSp800_38aPlain);
    Bytes out(in.size());
    std::span<uint8_t> whole(out);
    ByteView input(in);
    ASSERT_TRUE(split->process(input.first(16), whole.first(16)));
    ASSERT_TRUE(split->process(input.subspan(16, 32), whole.subspan(16, 32)));
    ASSERT_TRUE(split->process(input.last(16), whole.last(16)));
    EXPECT_EQ(out, expected);
  }
}

TEST(CbcCipher, SetIvRestarts) {
  // Encrypting block 2 alone under IV = ciphertext block 1 gives ciphertext
  // block 2, as the explicit TLS 1.1 IV does.
  const CbcVector& v = kCbcVectors[0];
  auto enc = CbcCipher::create(v.c, hex(v.key), hex(kSp800_38aIv), CipherDirection::encrypt);
  ASSERT_TRUE(enc);
  Bytes out(16);
  ASSERT_TRUE(enc->process(Bytes(16, 0xee), out));
  enc->set_iv(hex("7649abac8119b246cee98e9b12e9197d"));
  ASSERT_TRUE(enc->process(hex("ae2d8a571e03ac9c9eb76fac45af8e51"), out));
  EXPECT_EQ(out, hex("5086cb9b507219ee95db113a917678b2"));
}

TEST(CbcCipher, RejectsPartialBlocksAndBadSizes) {
  const CbcVector& v = kCbcVectors[0];
  auto enc = CbcCipher::create(v.c, hex(v.key), hex(kSp800_38aIv), CipherDirection::encrypt);
  ASSERT_TRUE(enc);
  Bytes out(15);
  Status s = enc->process(Bytes(15, 0), out);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().alert, AlertDescription::internal_error);
  Bytes short_out(16);
  EXPECT_FALSE(enc->process(Bytes(32, 0), short_out));
  EXPECT_FALSE(CbcCipher::create(v.c, Bytes(15, 0), hex(kSp800_38aIv), CipherDirection::encrypt));
  EXPECT_FALSE(CbcCipher::create(v.c, hex(v.key), Bytes(8, 0), CipherDirection::encrypt));
  EXPECT_FALSE(CbcCipher::create(CipherAlgorithm::aes_128_gcm, hex(v.key), hex(kSp800_38aIv),
                                 CipherDirection::encrypt));
}

// SP 800-67 Rev. 1 example: three-key TDEA in ECB mode on "The qufck brown
// fox jump". ECB is CBC with a zero IV reset before every block.
TEST(CbcCipher, TripleDesKnownAnswer) {
  Bytes key = hex("0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123");
  Bytes zero_iv(8, 0);
  auto enc =
      CbcCipher::create(CipherAlgorithm::des_ede3_cbc, key, zero_iv, CipherDirection::encrypt);
  ASSERT_TRUE(enc);
  EXPECT_EQ(enc->block_size(), 8u);
  Bytes plain = text_bytes("The qufck brown fox jump");
  Bytes out(plain.size());
  ByteView in(plain);
  std::span<uint8_t> whole(out);
  for (size_t i = 0; i < plain.size(); i += 8) {
    enc->set_iv(zero_iv);
    ASSERT_TRUE(enc->process(in.subspan(i, 8), whole.subspan(i, 8)));
  }
  EXPECT_EQ(out, hex("A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900"));
}

TEST(CbcCipher, TripleDesRoundTrip) {
  Bytes key = hex("000102030405060708090a0b0c0d0e0f1011121314151617");
  Bytes iv = hex("f0f1f2f3f4f5f6f7");
  auto enc = CbcCipher::create(CipherAlgorithm::des_ede3_cbc, key, iv, CipherDirection::encrypt);
  auto dec = CbcCipher::create(CipherAlgorithm::des_ede3_cbc, key, iv, CipherDirection::decrypt);
  ASSERT_TRUE(enc && dec);
  Bytes plain = text_bytes("sixteen byte msgand eight");
  plain.resize(32, 0x07);
  Bytes ct(plain.size()), back(plain.size());
  ASSERT_TRUE(enc->process(plain, ct));
  EXPECT_NE(ct, plain);
  ASSERT_TRUE(dec->process(ct, back));
  EXPECT_EQ(back, plain);
}

struct AeadVector {
  const char* name;
  CipherAlgorithm c;
  const char* key;
  const char* nonce;
  const char* aad;
  const char* plaintext;
  const char* ciphertext;
  const char* tag;
};

const char* kGcmKey = "feffe9928665731c6d6a8f9467308308";
const char* kGcmKey256 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
const char* kGcmNonce = "cafebabefacedbaddecaf888";
const char* kGcmAad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
const char* kGcmPlain60 =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
const char* kGcmPlain64 =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";

const char* kCcmKey = "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf";
const char* kCcmNonce = "000102030405060708090a0b";
const char* kCcmPlain = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f17";

// McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 2–4 and
// 14–16; RFC 8439 §2.8.2. The CCM vectors use TLS 1.3's 12-byte nonce (RFC
// 3610's have 13), so they were computed from RFC 3610 §2 with a reference
// that reproduces RFC 3610's packet vector #1.
const AeadVector kAeadVectors[] = {
    {"GCM 2", CipherAlgorithm::aes_128_gcm, "00000000000000000000000000000000",
     "000000000000000000000000", "", "00000000000000000000000000000000",
     "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"},
    {"GCM 3", CipherAlgorithm::aes_128_gcm, kGcmKey, kGcmNonce, "", kGcmPlain64,
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
     "4d5c2af327cd64a62cf35abd2ba6fab4"},
    {"GCM 4", CipherAlgorithm::aes_128_gcm, kGcmKey, kGcmNonce, kGcmAad, kGcmPlain60,
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
     "5bc94fbc3221a5db94fae95ae7121a47"},
    {"GCM 14", CipherAlgorithm::aes_256_gcm,
     "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
     "", "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18",
     "d0d1c8a799996bf0265b98b5d48ab919"},
    {"GCM 15", CipherAlgorithm::aes_256_gcm, kGcmKey256, kGcmNonce, "", kGcmPlain64,
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
     "b094dac5d93471bdec1a502270e3cc6c"},
    {"GCM 16", CipherAlgorithm::aes_256_gcm, kGcmKey256, kGcmNonce, kGcmAad, kGcmPlain60,
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b"},
    {"RFC 8439 2.8.2", CipherAlgorithm::chacha20_poly1305,
     "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "070000004041424344454647",
     "50515253c0c1c2c3c4c5c6c7",
     "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
     "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
     "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
     "637265656e20776f756c642062652069742e",
     "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
     "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
     "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
     "3ff4def08e4b7a9de576d26586cec64b6116",
     "1ae10b594f09e26a7e902ecbd0600691"},
    {"CCM 12-byte nonce", CipherAlgorithm::aes_128_ccm, kCcmKey, kCcmNonce, "1703030020",
     kCcmPlain, "b97a8bf7d44e9123e43de51e5c89f4c32f6fa458d0b8dab8a5bdadc03d26179632",
     "073f94a4cf3222bb24892e26a7eff70c"},
    {"CCM-8 12-byte nonce", CipherAlgorithm::aes_128_ccm_8, kCcmKey, kCcmNonce, "1703030020",
     kCcmPlain, "b97a8bf7d44e9123e43de51e5c89f4c32f6fa458d0b8dab8a5bdadc03d26179632",
     "1858a16c70d52d75"},
    {"CCM empty", CipherAlgorithm::aes_128_ccm, kCcmKey, kCcmNonce, "", "", "",
     "d41259048d486a65aadec64494e80719"},
};

Bytes sealed(const AeadVector& v) {
  Bytes out = hex(v.ciphertext);
  Bytes tag = hex(v.tag);
  out.insert(out.end(), tag.begin(), tag.end());
  return out;
}

TEST(AeadCipher, KnownAnswers) {
  for (const AeadVector& v : kAeadVectors) {
    SCOPED_TRACE(v.name);
    auto aead = AeadCipher::create(v.c, hex(v.key));
    ASSERT_TRUE(aead) << aead.error().to_string();
    auto ct = aead->seal(hex(v.nonce), hex(v.aad), hex(v.plaintext));
    ASSERT_TRUE(ct) << ct.error().to_string();
    EXPECT_EQ(*ct, sealed(v));
    auto pt = aead->open(hex(v.nonce), hex(v.aad), sealed(v));
    ASSERT_TRUE(pt) << pt.error().to_string();
    EXPECT_EQ(*pt, hex(v.plaintext));
  }
}

TEST(AeadCipher, EmptyPlaintextIsJustATag) {
  // GCM test case 1: zero key, zero nonce, nothing to encrypt.
  auto aead = AeadCipher::create(CipherAlgorithm::aes_128_gcm, Bytes(16, 0));
  ASSERT_TRUE(aead);
  auto ct = aead->seal(Bytes(12, 0), {}, {});
  ASSERT_TRUE(ct);
  EXPECT_EQ(*ct, hex("58e2fccefa7e3061367f1d57a4e7455a"));
  auto pt = aead->open(Bytes(12, 0), {}, *ct);
  ASSERT_TRUE(pt);
  EXPECT_TRUE(pt->empty());
}

TEST(AeadCipher, RejectsTampering) {
  for (const AeadVector& v : kAeadVectors) {
    SCOPED_TRACE(v.name);
    auto aead = AeadCipher::create(v.c, hex(v.key));
    ASSERT_TRUE(aead);
    Bytes good = sealed(v);

    Bytes bad_tag = good;
    bad_tag.back() ^= 0x01;
    auto r1 = aead->open(hex(v.nonce), hex(v.aad), bad_tag);
    ASSERT_FALSE(r1);
    EXPECT_EQ(r1.error().alert, AlertDescription::bad_record_mac);

    Bytes bad_body = good;
    bad_body.front() ^= 0x80;
    auto r2 = aead->open(hex(v.nonce), hex(v.aad), bad_body);
    ASSERT_FALSE(r2);
    EXPECT_EQ(r2.error().alert, AlertDescription::bad_record_mac);

    Bytes bad_aad = hex(v.aad);
    bad_aad.push_back(0);
    auto r3 = aead->open(hex(v.nonce), bad_aad, good);
    ASSERT_FALSE(r3);
    EXPECT_EQ(r3.error().alert, AlertDescription::bad_record_mac);

    auto r4 = aead->open(hex(v.nonce), hex(v.aad), ByteView(good).first(kAeadTagSize - 1));
    ASSERT_FALSE(r4);
    EXPECT_EQ(r4.error().alert, AlertDescription::bad_record_mac);

    // The cipher still works after a failure.
    auto ok = aead->open(hex(v.nonce), hex(v.aad), good);
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, hex(v.plaintext));
  }
}

TEST(AeadCipher, RejectsBadParameters) {
  EXPECT_FALSE(AeadCipher::create(CipherAlgorithm::aes_128_gcm, Bytes(32, 0)));
  EXPECT_FALSE(AeadCipher::create(CipherAlgorithm::aes_128_cbc, Bytes(16, 0)));
  auto aead = AeadCipher::create(CipherAlgorithm::chacha20_poly1305, Bytes(32, 0));
  ASSERT_TRUE(aead);
  EXPECT_FALSE(aead->seal(Bytes(8, 0), {}, text_bytes("x")));
  EXPECT_FALSE(aead->open(Bytes(8, 0), {}, Bytes(20, 0)));
}

TEST(AeadCipher, SealOpenManyLengths) {
  for (CipherAlgorithm c : {CipherAlgorithm::aes_256_gcm, CipherAlgorithm::chacha20_poly1305,
                            CipherAlgorithm::aes_128_ccm, CipherAlgorithm::aes_128_ccm_8}) {
    SCOPED_TRACE(cipher_name(c));
    auto aead = AeadCipher::create(c, Bytes(cipher_key_size(c), 0x33));
    ASSERT_TRUE(aead);
    EXPECT_EQ(aead->tag_size(), aead_tag_size(c));
    for (size_t n : {0u, 1u, 15u, 16u, 17u, 100u, 16384u}) {
      Bytes nonce(12, static_cast<uint8_t>(n));
      Bytes plain(n, 0xab);
      auto ct = aead->seal(nonce, text_bytes("hdr"), plain);
      ASSERT_TRUE(ct);
      EXPECT_EQ(ct->size(), n + aead_tag_size(c));
      auto pt = aead->open(nonce, text_bytes("hdr"), *ct);
      ASSERT_TRUE(pt);
      EXPECT_EQ(*pt, plain);
    }
  }
}

TEST(LegacyProvider, Idempotent) {
  EXPECT_TRUE(load_legacy_provider());
  EXPECT_TRUE(load_legacy_provider());
}

}  // namespace
}  // namespace gauntlet
