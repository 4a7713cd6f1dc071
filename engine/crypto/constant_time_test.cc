#include "engine/crypto/constant_time.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

constexpr size_t kMax = std::numeric_limits<size_t>::max();
constexpr size_t kTop = size_t{1} << (std::numeric_limits<size_t>::digits - 1);

TEST(ConstantTime, EqMaskTruthTable) {
  const size_t values[] = {0, 1, 2, 255, 256, kTop - 1, kTop, kTop + 1, kMax - 1, kMax};
  for (size_t a : values) {
    for (size_t b : values) {
      SCOPED_TRACE(testing::Message() << a << " vs " << b);
      EXPECT_EQ(ct_eq_mask(a, b), a == b ? 0xff : 0x00);
    }
  }
}

TEST(ConstantTime, LtMaskTruthTable) {
  const size_t values[] = {0, 1, 2, 255, 256, kTop - 1, kTop, kTop + 1, kMax - 1, kMax};
  for (size_t a : values) {
    for (size_t b : values) {
      SCOPED_TRACE(testing::Message() << a << " vs " << b);
      EXPECT_EQ(ct_lt_mask(a, b), a < b ? 0xff : 0x00);
    }
  }
}

TEST(ConstantTime, Equal) {
  const uint8_t a[] = {1, 2, 3, 4};
  const uint8_t b[] = {1, 2, 3, 4};
  const uint8_t c[] = {1, 2, 3, 5};
  const uint8_t d[] = {0, 2, 3, 4};
  EXPECT_TRUE(ct_equal(a, b));
  EXPECT_FALSE(ct_equal(a, c));
  EXPECT_FALSE(ct_equal(a, d));
  EXPECT_FALSE(ct_equal(a, ByteView(b).first(3)));
  EXPECT_TRUE(ct_equal({}, {}));
}

TEST(ConstantTime, Select) {
  const uint8_t a[] = {0x00, 0xff, 0x5a, 0x12};
  const uint8_t b[] = {0xff, 0x00, 0xa5, 0x34};
  uint8_t out[4] = {};
  ct_select(0xff, a, b, out);
  EXPECT_TRUE(ct_equal(out, a));
  ct_select(0x00, a, b, out);
  EXPECT_TRUE(ct_equal(out, b));
  ct_select(ct_eq_mask(3, 3), a, b, out);
  EXPECT_TRUE(ct_equal(out, a));
  ct_select(ct_lt_mask(3, 3), a, b, out);
  EXPECT_TRUE(ct_equal(out, b));
}

}  // namespace
}  // namespace gauntlet
