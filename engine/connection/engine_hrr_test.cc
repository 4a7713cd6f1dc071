// HelloRetryRequest between our client and our server (RFC 8446 §4.1.4):
// a client whose share the server does not take retries with the group the
// server names, into every group; a server that always asks sends a cookie;
// compatibility mode on and off; the second ServerHello's keys carry data;
// both sides' Negotiated say a retry happened.
#include <gtest/gtest.h>

#include "engine/connection/keying_material.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::kTls13Groups;
using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

struct Watched {
  std::shared_ptr<Config> client = tls13_client();
  std::shared_ptr<Config> server = tls13_server();
  std::shared_ptr<int> server_hellos = std::make_shared<int>(0);
  std::shared_ptr<int> client_hellos = std::make_shared<int>(0);
  Watched() {
    client->on_message = [n = server_hellos](HandshakeType t) {
      if (t == HandshakeType::server_hello) ++*n;
    };
    server->on_message = [n = client_hellos](HandshakeType t) {
      if (t == HandshakeType::client_hello) ++*n;
    };
  }
};

void expect_retried_and_working(Watched& w, NamedGroup group) {
  auto p = test_support::handshake(w.client, w.server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(*w.server_hellos, 2);
  EXPECT_EQ(*w.client_hellos, 2);
  EXPECT_TRUE(p.client.negotiated().hello_retry);
  EXPECT_TRUE(p.server.negotiated().hello_retry);
  EXPECT_EQ(p.client.negotiated().group, group);
  EXPECT_EQ(p.server.negotiated().group, group);
  ASSERT_TRUE(p.client.write(Bytes{'c'}).ok());
  ASSERT_TRUE(p.server.write(Bytes{'s'}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes{'c'});
  EXPECT_EQ(p.client.read(), Bytes{'s'});
  const Bytes context{7};
  auto ours = export_keying_material(p.client.negotiated(), "EXPORTER-hrr", context, 16);
  auto theirs = export_keying_material(p.server.negotiated(), "EXPORTER-hrr", context, 16);
  ASSERT_TRUE(ours.ok() && theirs.ok());
  EXPECT_EQ(*ours, *theirs);
}

// §4.1.4: the client shares x25519 first; a server that takes only `g`
// asks for it.
TEST(HelloRetry, GroupMismatchRetriesIntoEveryGroup) {
  for (const NamedGroup g : kTls13Groups) {
    if (g == NamedGroup::x25519) continue;
    SCOPED_TRACE(iana_name(g));
    Watched w;
    w.client->groups = {NamedGroup::x25519, g};
    w.server->groups = {g};
    expect_retried_and_working(w, g);
  }
}

TEST(HelloRetry, NoRetryWhenTheShareFits) {
  Watched w;
  auto p = test_support::handshake(w.client, w.server);
  ASSERT_TRUE(p.completed());
  EXPECT_EQ(*w.server_hellos, 1);
  EXPECT_FALSE(p.client.negotiated().hello_retry);
  EXPECT_FALSE(p.server.negotiated().hello_retry);
}

// §4.2.2: a server that always asks sends a cookie, which alone changes
// the second ClientHello when the share fitted.
TEST(HelloRetry, AlwaysRetryWithCookie) {
  Watched w;
  w.server->always_hello_retry = true;
  expect_retried_and_working(w, NamedGroup::x25519);
}

TEST(HelloRetry, ConfiguredCookieAndGroupTogether) {
  Watched w;
  w.client->groups = {NamedGroup::x25519, NamedGroup::secp384r1};
  w.server->groups = {NamedGroup::secp384r1};
  w.server->hello_retry_cookie = Bytes(300, 0xc0);
  expect_retried_and_working(w, NamedGroup::secp384r1);
}

// D.4 across a retry: each side's one ChangeCipherSpec, or none.
TEST(HelloRetry, MiddleboxCompatibilityOnAndOff) {
  for (const bool compat : {true, false}) {
    SCOPED_TRACE(compat);
    Watched w;
    w.client->middlebox_compat = compat;
    w.server->always_hello_retry = true;
    expect_retried_and_working(w, NamedGroup::x25519);
  }
}

}  // namespace
}  // namespace gauntlet
