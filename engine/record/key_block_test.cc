#include "engine/record/key_block.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

TEST(KeyBlock, LengthIsTwiceTheSumOfTheParts) {
  EXPECT_EQ(key_block_length(20, 16, 16), 104u);  // AES128-SHA, TLS 1.0
  EXPECT_EQ(key_block_length(32, 32, 0), 128u);   // AES256-SHA256, TLS 1.2
  EXPECT_EQ(key_block_length(0, 16, 4), 40u);     // AES128-GCM
  EXPECT_EQ(key_block_length(0, 32, 12), 88u);    // ChaCha20-Poly1305
}

TEST(KeyBlock, LayoutPerSuiteAndVersion) {
  const auto tls10 = key_block_layout(ProtocolVersion::tls10, CipherAlgorithm::aes_128_cbc,
                                      MacAlgorithm::hmac_sha1);
  EXPECT_EQ(tls10.length(), 104u);
  const auto tls12 = key_block_layout(ProtocolVersion::tls12, CipherAlgorithm::aes_128_cbc,
                                      MacAlgorithm::hmac_sha1);
  EXPECT_EQ(tls12.iv, 0u) << "TLS 1.1+ CBC IVs are explicit";
  const auto ssl3 = key_block_layout(ProtocolVersion::ssl3, CipherAlgorithm::des_ede3_cbc,
                                     MacAlgorithm::hmac_sha1);
  EXPECT_EQ(ssl3.length(), 2u * (20 + 24 + 8));
  const auto rc4 =
      key_block_layout(ProtocolVersion::ssl3, CipherAlgorithm::rc4_128, MacAlgorithm::hmac_md5);
  EXPECT_EQ(rc4.length(), 2u * (16 + 16));
  const auto chacha = key_block_layout(ProtocolVersion::tls12, CipherAlgorithm::chacha20_poly1305,
                                       MacAlgorithm::none);
  EXPECT_EQ(chacha.length(), 88u);
  const auto null_sha =
      key_block_layout(ProtocolVersion::tls12, CipherAlgorithm::null, MacAlgorithm::hmac_sha1);
  EXPECT_EQ(null_sha.length(), 40u);
}

TEST(KeyBlock, SplitsInRfcOrder) {
  const KeyBlockLayout layout{2, 3, 1};
  const Bytes block = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 99};
  auto m = split_key_block(block, layout);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->client.mac_key, (Bytes{1, 2}));
  EXPECT_EQ(m->server.mac_key, (Bytes{3, 4}));
  EXPECT_EQ(m->client.key, (Bytes{5, 6, 7}));
  EXPECT_EQ(m->server.key, (Bytes{8, 9, 10}));
  EXPECT_EQ(m->client.iv, (Bytes{11}));
  EXPECT_EQ(m->server.iv, (Bytes{12}));
}

TEST(KeyBlock, ShortBlockIsAnError) {
  const KeyBlockLayout layout{20, 16, 16};
  const Bytes block(layout.length() - 1);
  auto m = split_key_block(block, layout);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().alert, AlertDescription::internal_error);
}

}  // namespace
}  // namespace gauntlet
