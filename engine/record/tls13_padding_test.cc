// TLS 1.3 padding policies (RFC 8446 §5.4): how much each adds, and that none
// takes the inner plaintext past 2^14 + 1 bytes.
#include "engine/record/tls13_padding.h"

#include <gtest/gtest.h>

#include <set>

namespace gauntlet {
namespace {

TEST(Tls13Padding, NoneAddsNothing) {
  EXPECT_EQ(Tls13Padding::none().padding_for(0), 0u);
  EXPECT_EQ(Tls13Padding::none().padding_for(kMaxPlaintext), 0u);
}

TEST(Tls13Padding, ToBlockRoundsTheInnerPlaintextUp) {
  const Tls13Padding p = Tls13Padding::to_block(32);
  EXPECT_EQ(p.padding_for(0), 31u);   // 1 type byte + 31 = 32
  EXPECT_EQ(p.padding_for(31), 0u);   // 31 + 1 = 32 already
  EXPECT_EQ(p.padding_for(32), 31u);  // 33 -> 64
  // Capped: 2^14 + 1 is no multiple of 32, and nothing may pass it.
  EXPECT_EQ(p.padding_for(kMaxPlaintext), 0u);
  EXPECT_EQ(p.padding_for(kMaxPlaintext - 10), 9u);  // 2^14 - 9 -> 2^14
  EXPECT_EQ(Tls13Padding::to_block(0).padding_for(5), 0u) << "a zero block is no padding";
}

TEST(Tls13Padding, MaximalFillsToTheLimit) {
  for (const size_t n : {size_t{0}, size_t{1}, size_t{1000}, kMaxPlaintext}) {
    EXPECT_EQ(n + 1 + Tls13Padding::maximal().padding_for(n), kMaxTls13InnerPlaintext) << n;
  }
}

TEST(Tls13Padding, RandomStaysInRangeAndVaries) {
  DeterministicRandom random(11);
  const Tls13Padding p = Tls13Padding::random(random);
  std::set<size_t> seen;
  for (int i = 0; i < 64; ++i) {
    const size_t pad = p.padding_for(16000);
    EXPECT_LE(16000 + 1 + pad, kMaxTls13InnerPlaintext);
    seen.insert(pad);
  }
  EXPECT_GT(seen.size(), 32u);
  EXPECT_EQ(p.padding_for(kMaxPlaintext), 0u) << "no room left";
}

}  // namespace
}  // namespace gauntlet
