// SSL 2.0 key derivation against the spec's formulas (SSL 2.0 spec §2.5),
// written out per kind here and computed with libcrypto's MD5 directly.
#include "engine/key_schedule/ssl2_key_material.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

using K = Ssl2CipherKind;

const Bytes kChallenge = hex("000102030405060708090a0b0c0d0e0f");
const Bytes kConnectionId = hex("f0e1d2c3b4a5968778695a4b3c2d1e0f 1f2e3d4c5b6a7988");

Bytes cat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Bytes slice(const Bytes& b, size_t from, size_t to) {
  return Bytes(b.begin() + static_cast<std::ptrdiff_t>(from),
               b.begin() + static_cast<std::ptrdiff_t>(to));
}

// KEY-MATERIAL-i = MD5[MASTER-KEY, "i", CHALLENGE, CONNECTION-ID].
Bytes key_material(const Bytes& master, char digit) {
  const auto d = static_cast<uint8_t>(digit);
  const Bytes input = cat({master, ByteView(&d, 1), kChallenge, kConnectionId});
  Bytes out(16);
  unsigned int len = 0;
  EXPECT_EQ(EVP_Digest(input.data(), input.size(), out.data(), &len, EVP_md5(), nullptr), 1);
  return out;
}

Bytes master_of(size_t size) {
  Bytes m(size);
  for (size_t i = 0; i < size; ++i) m[i] = static_cast<uint8_t>(0xa0 + i);
  return m;
}

Ssl2SessionKeys derive(K kind, const Bytes& master) {
  auto keys = ssl2_session_keys(kind, master, kChallenge, kConnectionId);
  EXPECT_TRUE(keys.ok()) << keys.error().to_string();
  return keys.ok() ? *keys : Ssl2SessionKeys{};
}

// RC4, RC2 and IDEA: CLIENT-READ-KEY = KEY-MATERIAL-0, CLIENT-WRITE-KEY =
// KEY-MATERIAL-1, export kinds included.
TEST(Ssl2KeyMaterial, SixteenByteKinds) {
  for (K kind : {K::rc4_128_with_md5, K::rc4_128_export40_with_md5, K::rc2_128_cbc_with_md5,
                 K::rc2_128_cbc_export40_with_md5, K::idea_128_cbc_with_md5}) {
    SCOPED_TRACE(iana_name(kind));
    const Bytes master = master_of(16);
    EXPECT_EQ(derive(kind, master),
              (Ssl2SessionKeys{key_material(master, '0'), key_material(master, '1')}));
  }
}

// DES-64: one KEY-MATERIAL-0 split in halves. Hashed with the "0" as
// OpenSSL and NSS did, not without as the spec's DES paragraph prints it.
TEST(Ssl2KeyMaterial, Des64SplitsOneBlock) {
  const Bytes master = master_of(8);
  const Bytes km0 = key_material(master, '0');
  EXPECT_EQ(derive(K::des_64_cbc_with_md5, master),
            (Ssl2SessionKeys{slice(km0, 0, 8), slice(km0, 8, 16)}));
}

// DES-EDE3: CLIENT-READ-KEY-0..2 = KM0[0-7], KM0[8-15], KM1[0-7];
// CLIENT-WRITE-KEY-0..2 = KM1[8-15], KM2[0-7], KM2[8-15].
TEST(Ssl2KeyMaterial, DesEde3TakesThreeBlocks) {
  const Bytes master = master_of(24);
  const Bytes km0 = key_material(master, '0');
  const Bytes km1 = key_material(master, '1');
  const Bytes km2 = key_material(master, '2');
  EXPECT_EQ(derive(K::des_192_ede3_cbc_with_md5, master),
            (Ssl2SessionKeys{cat({km0, slice(km1, 0, 8)}), cat({slice(km1, 8, 16), km2})}));
  auto all = ssl2_key_material(K::des_192_ede3_cbc_with_md5, master, kChallenge, kConnectionId);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, cat({km0, km1, km2}));
}

TEST(Ssl2KeyMaterial, MasterKeyOfTheWrongSizeIsRefused) {
  EXPECT_FALSE(
      ssl2_session_keys(K::rc4_128_with_md5, master_of(15), kChallenge, kConnectionId).ok());
  EXPECT_FALSE(
      ssl2_session_keys(K::des_64_cbc_with_md5, master_of(16), kChallenge, kConnectionId).ok());
  EXPECT_FALSE(
      ssl2_session_keys(static_cast<K>(0x080080), master_of(16), kChallenge, kConnectionId).ok());
}

// MASTER-KEY = CLEAR-KEY-DATA || SECRET-KEY-DATA: 11 + 5 bytes for export40.
TEST(Ssl2MasterKey, ExportKindsJoinClearAndSecret) {
  const Bytes master = master_of(16);
  for (K kind : {K::rc4_128_export40_with_md5, K::rc2_128_cbc_export40_with_md5}) {
    auto joined = ssl2_master_key(kind, slice(master, 0, 11), slice(master, 11, 16));
    ASSERT_TRUE(joined.ok()) << joined.error().to_string();
    EXPECT_EQ(*joined, master);
    // 10 + 6 bytes make 16 too, but not the count the kind defines.
    EXPECT_EQ(ssl2_master_key(kind, slice(master, 0, 10), slice(master, 10, 16)).error().alert,
              AlertDescription::illegal_parameter);
    EXPECT_FALSE(ssl2_master_key(kind, {}, master).ok());
  }
}

// Clear key bytes for a kind that is not export40 are CVE-2016-0703's
// opening; a secret part of the wrong length is refused too.
TEST(Ssl2MasterKey, OtherKindsSendEverythingSecret) {
  const Bytes master = master_of(24);
  EXPECT_EQ(*ssl2_master_key(K::des_192_ede3_cbc_with_md5, {}, master), master);
  EXPECT_EQ(*ssl2_master_key(K::des_64_cbc_with_md5, {}, slice(master, 0, 8)), slice(master, 0, 8));
  EXPECT_EQ(ssl2_master_key(K::rc4_128_with_md5, slice(master, 0, 11), slice(master, 11, 16))
                .error()
                .alert,
            AlertDescription::illegal_parameter);
  EXPECT_FALSE(ssl2_master_key(K::rc4_128_with_md5, {}, slice(master, 0, 15)).ok());
  EXPECT_FALSE(ssl2_master_key(K::des_64_cbc_with_md5, {}, slice(master, 0, 16)).ok());
}

}  // namespace
}  // namespace gauntlet
