#include "engine/crypto/random.h"

#include <gtest/gtest.h>

#include "engine/base/writer.h"
#include "engine/crypto/hash.h"

namespace gauntlet {
namespace {

TEST(DeterministicRandom, SameSeedSameBytes) {
  DeterministicRandom a(42), b(42), c(43);
  Bytes x = a.bytes(100);
  EXPECT_EQ(x, b.bytes(100));
  EXPECT_NE(x, c.bytes(100));
  EXPECT_NE(x, a.bytes(100));  // the stream moves on
}

TEST(DeterministicRandom, FirstBlockIsSha256OfSeedAndCounter) {
  Writer input;
  input.u64(7);
  input.u64(0);
  DeterministicRandom r(7);
  EXPECT_EQ(r.bytes(32), hash(HashAlgorithm::sha256, input.data()));
}

TEST(DeterministicRandom, SplittingFillsKeepsTheStream) {
  Bytes whole = DeterministicRandom(9).bytes(200);
  for (size_t first : {0u, 1u, 31u, 32u, 33u, 64u, 150u}) {
    SCOPED_TRACE(first);
    DeterministicRandom r(9);
    Bytes a = r.bytes(first);
    Bytes b = r.bytes(7);
    Bytes c = r.bytes(200 - first - 7);
    a.insert(a.end(), b.begin(), b.end());
    a.insert(a.end(), c.begin(), c.end());
    EXPECT_EQ(a, whole);
  }
}

TEST(SystemRandom, DiffersEachTime) {
  SystemRandom r;
  Bytes a = r.bytes(32);
  Bytes b = r.bytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(r.bytes(0).empty());
}

}  // namespace
}  // namespace gauntlet
