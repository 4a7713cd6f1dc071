#include "engine/session/session_cache.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

Session with_id(uint8_t id, int64_t created = 100) {
  Session s;
  s.id = Bytes(32, id);
  s.master_secret = Bytes(48, id);
  s.created = created;
  s.lifetime = 60;
  return s;
}

TEST(SessionCache, FindsWhatItStored) {
  SessionCache cache;
  cache.store(with_id(1));
  auto found = cache.find(Bytes(32, 1), 120);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->master_secret, Bytes(48, 1));
  EXPECT_FALSE(cache.find(Bytes(32, 2), 120));
}

TEST(SessionCache, EvictsTheOldestBeyondCapacity) {
  SessionCache cache(2);
  cache.store(with_id(1));
  cache.store(with_id(2));
  cache.store(with_id(3));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.find(Bytes(32, 1), 120));
  EXPECT_TRUE(cache.find(Bytes(32, 3), 120));
}

TEST(SessionCache, DropsExpiredEntries) {
  SessionCache cache;
  cache.store(with_id(1));
  EXPECT_FALSE(cache.find(Bytes(32, 1), 160));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SessionCache, RemoveForgetsTheSession) {
  SessionCache cache;
  cache.store(with_id(1));
  cache.remove(Bytes(32, 1));
  EXPECT_FALSE(cache.find(Bytes(32, 1), 120));
}

TEST(SessionCache, IgnoresSessionsWithoutId) {
  SessionCache cache;
  Session s = with_id(1);
  s.id.clear();
  cache.store(s);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace gauntlet
