// net::cancel_waits() is for the whole process and for good, so it has a
// test binary of its own.
#include <gtest/gtest.h>

#include <thread>

#include "transport/socket.h"

namespace gauntlet::net {
namespace {

using namespace std::chrono_literals;

TEST(CancelWaits, EndsAWaitInProgressAndEveryLaterOne) {
  auto listener = listen_tcp("127.0.0.1", 0).value();
  const uint16_t port = local_port(listener).value();
  auto client = connect_tcp("127.0.0.1", port, deadline_in(2s)).value();
  auto accepted = accept_until(listener, deadline_in(2s)).value();
  std::thread canceller([] {
    std::this_thread::sleep_for(200ms);
    cancel_waits();
  });
  const auto t0 = Clock::now();
  auto got = receive_some(client, deadline_in(30s));
  canceller.join();
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(is_cancelled(got.error())) << got.error().reason;
  EXPECT_LT(Clock::now() - t0, 5s);
  EXPECT_TRUE(waits_cancelled());
  EXPECT_FALSE(accept_until(listener, deadline_in(30s)).ok());
}

}  // namespace
}  // namespace gauntlet::net
