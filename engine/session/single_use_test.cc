#include "engine/session/single_use.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

TEST(SingleUseTickets, EachTicketOnce) {
  SingleUseTickets used;
  EXPECT_TRUE(used.claim(Bytes{1, 2}));
  EXPECT_FALSE(used.claim(Bytes{1, 2}));
  EXPECT_TRUE(used.claim(Bytes{1, 3}));
}

// Bounded: the oldest is forgotten first.
TEST(SingleUseTickets, KeepsTheNewest) {
  SingleUseTickets used(2);
  EXPECT_TRUE(used.claim(Bytes{1}));
  EXPECT_TRUE(used.claim(Bytes{2}));
  EXPECT_TRUE(used.claim(Bytes{3}));
  EXPECT_FALSE(used.claim(Bytes{3}));
  EXPECT_FALSE(used.claim(Bytes{2}));
  EXPECT_TRUE(used.claim(Bytes{1}));
}

}  // namespace
}  // namespace gauntlet
