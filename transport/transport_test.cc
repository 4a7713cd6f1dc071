#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/testing/engine_pair.h"
#include "transport/connection_io.h"

namespace gauntlet::net {
namespace {

using namespace std::chrono_literals;

TEST(Socket, SplitsHostAndPort) {
  EXPECT_EQ(split_host_port("localhost:443").value(), (std::pair<std::string, uint16_t>{"localhost", 443}));
  EXPECT_EQ(split_host_port("[::1]:8443").value().first, "::1");
  EXPECT_FALSE(split_host_port("localhost").ok());
  EXPECT_FALSE(split_host_port("host:99999").ok());
  EXPECT_FALSE(split_host_port("host:").ok());
}

TEST(Socket, SilentPeerIsATimeout) {
  auto listener = listen_tcp("127.0.0.1", 0).value();
  const uint16_t port = local_port(listener).value();
  auto client = connect_tcp("127.0.0.1", port, deadline_in(2s)).value();
  auto accepted = accept_until(listener, deadline_in(2s)).value();
  auto got = receive_some(client, deadline_in(100ms));
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(is_timeout(got.error()));
}

// A peer that never stops sending HelloRequests: the client's handshake
// still ends at its deadline.
TEST(ConnectionIo, AFloodingPeerCannotHoldAHandshakePastItsDeadline) {
  auto listener = listen_tcp("127.0.0.1", 0).value();
  const uint16_t port = local_port(listener).value();
  std::atomic<bool> stop{false};
  std::thread flooder([&] {
    auto fd = accept_until(listener, deadline_in(5s)).value();
    const Bytes hello_request{22, 3, 3, 0, 4, 0, 0, 0, 0};
    while (!stop && send_all(fd, hello_request, deadline_in(1s)).ok()) {
      std::this_thread::sleep_for(1ms);
    }
  });
  auto fd = connect_tcp("127.0.0.1", port, deadline_in(5s)).value();
  Connection client = Connection::client(test_support::client_config(), {"localhost", std::nullopt});
  const auto t0 = Clock::now();
  const Status st = handshake(client, fd, deadline_in(500ms));
  const auto took = Clock::now() - t0;
  stop = true;
  fd = Fd();
  flooder.join();
  ASSERT_FALSE(st.ok());
  EXPECT_TRUE(is_timeout(st.error())) << st.error().reason;
  EXPECT_LT(took, 2s);
}

TEST(Socket, NobodyListeningIsAnError) {
  uint16_t port = 0;
  {
    auto listener = listen_tcp("127.0.0.1", 0).value();
    port = local_port(listener).value();
  }
  EXPECT_FALSE(connect_tcp("127.0.0.1", port, deadline_in(2s)).ok());
}

TEST(ConnectionIo, HandshakeAndDataOverLoopback) {
  auto listener = listen_tcp("127.0.0.1", 0).value();
  const uint16_t port = local_port(listener).value();
  std::thread server_thread([&] {
    auto fd = accept_until(listener, deadline_in(5s)).value();
    Connection server = Connection::server(test_support::server_config());
    ASSERT_TRUE(handshake(server, fd, deadline_in(5s)).ok());
    while (server.state() != ConnectionState::closed) {
      auto open = read_once(server, fd, deadline_in(5s));
      ASSERT_TRUE(open.ok());
      if (!*open) break;
      const Bytes in = server.read();
      if (!in.empty()) {
        ASSERT_TRUE(server.write(in).ok());
      }
      ASSERT_TRUE(flush(server, fd, deadline_in(5s)).ok());
    }
  });
  auto fd = connect_tcp("127.0.0.1", port, deadline_in(5s)).value();
  Connection client = Connection::client(test_support::client_config(), {"localhost", std::nullopt});
  ASSERT_TRUE(handshake(client, fd, deadline_in(5s)).ok());
  ASSERT_TRUE(client.write(Bytes{'e', 'c', 'h', 'o'}).ok());
  ASSERT_TRUE(flush(client, fd, deadline_in(5s)).ok());
  Bytes echoed;
  while (echoed.size() < 4) {
    ASSERT_TRUE(read_once(client, fd, deadline_in(5s)).value());
    const Bytes in = client.read();
    echoed.insert(echoed.end(), in.begin(), in.end());
  }
  EXPECT_EQ(echoed, (Bytes{'e', 'c', 'h', 'o'}));
  client.close();
  ASSERT_TRUE(flush(client, fd, deadline_in(5s)).ok());
  server_thread.join();
}

}  // namespace
}  // namespace gauntlet::net
