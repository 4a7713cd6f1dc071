// KeyUpdate between two engines (RFC 8446 §4.6.3, §7.2): either side
// replaces its write key, asked for an update the peer answers once, a
// key that has sealed Config::key_update_after records is replaced before
// more application data (§5.5), and data flows across every change.
#include <gtest/gtest.h>

#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

// KeyUpdates each side received, counted through Config::on_message.
struct Counted {
  std::shared_ptr<int> client, server;
  test_support::EnginePair pair;
};

std::function<void(HandshakeType)> counter(std::shared_ptr<int> n) {
  return [n](HandshakeType t) { *n += t == HandshakeType::key_update; };
}

Counted counted_pair(std::shared_ptr<Config> client = tls13_client(),
                     std::shared_ptr<Config> server = tls13_server()) {
  auto at_client = std::make_shared<int>(0), at_server = std::make_shared<int>(0);
  client->on_message = counter(at_client);
  server->on_message = counter(at_server);
  Counted c{at_client, at_server, handshake(client, server)};
  EXPECT_TRUE(c.pair.completed()) << why(c.pair.client) << " / " << why(c.pair.server);
  return c;
}

void expect_data_both_ways(test_support::EnginePair& p) {
  ASSERT_TRUE(p.client.write(Bytes(20000, 'c')).ok()) << why(p.client);
  ASSERT_TRUE(p.server.write(Bytes{'s'}).ok()) << why(p.server);
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes(20000, 'c')) << why(p.server);
  EXPECT_EQ(p.client.read(), Bytes{'s'}) << why(p.client);
}

TEST(Tls13KeyUpdate, NotRequestedIsNotAnswered) {
  for (const Role who : {Role::client, Role::server}) {
    Counted c = counted_pair();
    Connection& from = who == Role::client ? c.pair.client : c.pair.server;
    ASSERT_TRUE(from.update_keys().ok()) << why(from);
    expect_data_both_ways(c.pair);
    EXPECT_EQ(*(who == Role::client ? c.server : c.client), 1);
    EXPECT_EQ(*(who == Role::client ? c.client : c.server), 0);
    Connection& to = who == Role::client ? c.pair.server : c.pair.client;
    EXPECT_EQ(to.peer_key_updates(), 1u);
    EXPECT_EQ(from.peer_key_updates(), 0u);
  }
}

TEST(Tls13KeyUpdate, RequestedIsAnsweredOnce) {
  for (const Role who : {Role::client, Role::server}) {
    Counted c = counted_pair();
    Connection& from = who == Role::client ? c.pair.client : c.pair.server;
    ASSERT_TRUE(from.update_keys(KeyUpdateRequest::update_requested).ok()) << why(from);
    expect_data_both_ways(c.pair);
    EXPECT_EQ(*c.server, 1);
    EXPECT_EQ(*c.client, 1);
    EXPECT_EQ(c.pair.client.peer_key_updates(), 1u);
    EXPECT_EQ(c.pair.server.peer_key_updates(), 1u);
  }
}

TEST(Tls13KeyUpdate, ManyInARow) {
  Counted c = counted_pair();
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(c.pair.client.update_keys(KeyUpdateRequest::update_requested).ok());
    ASSERT_TRUE(c.pair.server.update_keys().ok());
  }
  expect_data_both_ways(c.pair);
  EXPECT_EQ(*c.server, 10);
  EXPECT_EQ(*c.client, 20);
}

// §5.5: our key is replaced before it seals more records than allowed.
TEST(Tls13KeyUpdate, SentBeforeTheRecordLimit) {
  auto client = tls13_client();
  client->key_update_after = 4;
  Counted c = counted_pair(client);
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(c.pair.client.write(Bytes{static_cast<uint8_t>(i)}).ok());
  }
  ASSERT_TRUE(pump(c.pair.client, c.pair.server));
  EXPECT_EQ(c.pair.server.read().size(), 12u) << why(c.pair.server);
  EXPECT_EQ(*c.server, 2);
}

TEST(Tls13KeyUpdate, RefusedOutsideAnEstablishedTls13Connection) {
  auto client = Connection::client(tls13_client(), {"localhost", std::nullopt});
  EXPECT_FALSE(client.update_keys().ok());
  auto tls12 = handshake(test_support::client_config(), test_support::server_config());
  ASSERT_TRUE(tls12.completed());
  EXPECT_FALSE(tls12.client.update_keys().ok());
  EXPECT_FALSE(tls12.client.error());
}

}  // namespace
}  // namespace gauntlet
