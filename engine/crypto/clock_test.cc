#include "engine/crypto/clock.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

TEST(SystemClock, AfterThisCodeWasWritten) {
  // 2024-01-01T00:00:00Z: a clock before that is not reading the real time.
  EXPECT_GT(SystemClock().now(), 1704067200);
}

TEST(FixedClock, StandsStillUntilAdvanced) {
  FixedClock clock(1000);
  EXPECT_EQ(clock.now(), 1000);
  clock.advance(25);
  EXPECT_EQ(clock.now(), 1025);
}

}  // namespace
}  // namespace gauntlet
