// A peer process is ended with SIGTERM first, so what it prints as it exits
// (a client's last lines) reaches the transcript; one that ignores SIGTERM
// costs the grace period, no more.
#include "conformance/targets/subprocess.h"

#include <gtest/gtest.h>

namespace gauntlet::conformance {
namespace {

using namespace std::chrono_literals;

TEST(Subprocess, StopKeepsWhatItPrintsAsItExits) {
  auto p = Subprocess::spawn({"sh", "-c", "trap 'echo said-at-exit; exit 0' TERM; echo up; sleep 20 & wait"});
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->wait_for("up", net::deadline_in(5s)));
  p->stop(2s);
  EXPECT_FALSE(p->running());
  EXPECT_NE(p->output().find("said-at-exit"), std::string::npos) << p->output();
}

TEST(Subprocess, StopIsBoundedForAProcessThatIgnoresIt) {
  auto p = Subprocess::spawn({"sh", "-c", "trap '' TERM; echo up; while :; do sleep 1; done"});
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->wait_for("up", net::deadline_in(5s)));
  const auto start = std::chrono::steady_clock::now();
  p->stop(300ms);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_TRUE(p->running());  // the destructor's SIGKILL ends it
}

}  // namespace
}  // namespace gauntlet::conformance
