// RFC 8446's HelloRetryRequest rules, one test per rule, on messages edited
// in transit between our client and our server: a second HelloRetryRequest
// (unexpected_message), one that changes nothing, names a group already
// shared or one never offered (illegal_parameter, §4.1.4, §4.2.8), a
// ServerHello whose suite is not the retry's; a second ClientHello changed
// beyond what the retry allows, without our cookie or with a share for
// another group (illegal_parameter, §4.1.2, §4.2.2) or with early_data
// (§4.2.10), a cookie in a first ClientHello; ChangeCipherSpec across the
// retry (D.4).
#include <gtest/gtest.h>

#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using test_support::edit_message;
using test_support::plain_record;
using test_support::pump_edited;
using test_support::tls13_client;
using test_support::tls13_server;

std::optional<AlertDescription> alert_of(const Connection& c) {
  if (!c.error()) return std::nullopt;
  return c.error()->alert;
}

// A client sharing x25519 and a server taking only P-256: one retry.
struct Retry {
  std::shared_ptr<Config> client = tls13_client();
  std::shared_ptr<Config> server = tls13_server();
  Retry() {
    client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
    server->groups = {NamedGroup::secp256r1};
  }
};

// Runs the pair with the `n`th flight of `sender` (0: the first) edited.
struct Outcome {
  std::optional<AlertDescription> client, server;
  bool completed = false;
};
Outcome run(const Retry& r, Role sender, int n, const std::function<Bytes(Bytes)>& edit) {
  auto client = Connection::client(r.client, {"localhost", std::nullopt});
  auto server = Connection::server(r.server);
  int seen = 0;
  pump_edited(client, server, [&](Role from, Bytes flight) {
    if (from != sender) return flight;
    return seen++ == n ? edit(std::move(flight)) : flight;
  });
  return {alert_of(client), alert_of(server), client.handshake_done() && server.handshake_done()};
}

// The server's HelloRetryRequest (its first flight) edited as a ServerHello.
Outcome edit_retry(const Retry& r, const std::function<void(ServerHello&)>& edit) {
  return run(r, Role::server, 0, [&](Bytes flight) {
    return edit_message(flight, HandshakeType::server_hello, [&](Bytes& body) {
      auto hrr = ServerHello::parse(body);
      ASSERT_TRUE(hrr.ok());
      edit(*hrr);
      body = hrr->serialize().value();
    });
  });
}

// The client's second ClientHello (its second flight) edited. Without
// compatibility mode: wire_edit takes what follows a ChangeCipherSpec as
// encrypted.
Outcome edit_second_hello(Retry r, const std::function<void(ClientHello&)>& edit) {
  r.client = std::make_shared<Config>(*r.client);
  r.client->middlebox_compat = false;
  return run(r, Role::client, 1, [&](Bytes flight) {
    return edit_message(flight, HandshakeType::client_hello, [&](Bytes& body) {
      auto ch = ClientHello::parse(body);
      ASSERT_TRUE(ch.ok());
      edit(*ch);
      body = ch->serialize().value();
    });
  });
}

Extension* find(std::optional<Extensions>& block, ExtensionType type) {
  for (Extension& e : block->list)
    if (e.type == type) return &e;
  return nullptr;
}

TEST(HelloRetryStrict, UneditedRetryCompletes) {
  EXPECT_TRUE(run(Retry{}, Role::server, 0, [](Bytes f) { return f; }).completed);
}

// §4.1.4: the ClientHello answering a retry gets a ServerHello, not another.
TEST(HelloRetryStrict, SecondHelloRetryRequestIsUnexpectedMessage) {
  Retry r;
  r.client->middlebox_compat = false;
  auto client = Connection::client(r.client, {"localhost", std::nullopt});
  auto server = Connection::server(r.server);
  ASSERT_TRUE(server.receive(client.take_output()).ok());
  const Bytes first_retry = server.take_output();
  ASSERT_TRUE(client.receive(first_retry).ok());
  (void)client.take_output();
  (void)client.receive(first_retry);
  EXPECT_EQ(alert_of(client), AlertDescription::unexpected_message);
}

// §4.1.4: a retry must change the ClientHello.
TEST(HelloRetryStrict, RetryChangingNothingIsIllegalParameter) {
  const Outcome o = edit_retry(Retry{}, [](ServerHello& hrr) {
    std::erase_if(hrr.extensions->list,
                  [](const Extension& e) { return e.type == ExtensionType::key_share; });
  });
  EXPECT_EQ(o.client, AlertDescription::illegal_parameter);
}

// §4.2.8: not a group our key_share already carries...
TEST(HelloRetryStrict, RetryForASharedGroupIsIllegalParameter) {
  const Outcome o = edit_retry(Retry{}, [](ServerHello& hrr) {
    find(hrr.extensions, ExtensionType::key_share)->body = KeyShareHelloRetry{NamedGroup::x25519};
  });
  EXPECT_EQ(o.client, AlertDescription::illegal_parameter);
}

// ...and not one our supported_groups left out.
TEST(HelloRetryStrict, RetryForAnUnofferedGroupIsIllegalParameter) {
  const Outcome o = edit_retry(Retry{}, [](ServerHello& hrr) {
    find(hrr.extensions, ExtensionType::key_share)->body =
        KeyShareHelloRetry{NamedGroup::secp384r1};
  });
  EXPECT_EQ(o.client, AlertDescription::illegal_parameter);
}

// §4.1.4: the ServerHello keeps the retry's suite.
TEST(HelloRetryStrict, ServerHelloWithAnotherSuiteIsIllegalParameter) {
  const Outcome o = run(Retry{}, Role::server, 1, [](Bytes flight) {
    return edit_message(flight, HandshakeType::server_hello, [](Bytes& body) {
      auto sh = ServerHello::parse(body);
      ASSERT_TRUE(sh.ok());
      sh->cipher_suite = sh->cipher_suite == CipherSuite::aes_128_gcm_sha256
                             ? CipherSuite::aes_256_gcm_sha384
                             : CipherSuite::aes_128_gcm_sha256;
      body = sh->serialize().value();
    });
  });
  EXPECT_EQ(o.client, AlertDescription::illegal_parameter);
}

// §4.1.2: the second ClientHello is the first but for what the retry allows.
TEST(HelloRetryStrict, SecondClientHelloChangedIsIllegalParameter) {
  const Outcome o = edit_second_hello(Retry{}, [](ClientHello& ch) {
    std::erase_if(ch.extensions->list, [](const Extension& e) {
      return e.type == ExtensionType::signature_algorithms;
    });
  });
  EXPECT_EQ(o.server, AlertDescription::illegal_parameter);
  const Outcome suites = edit_second_hello(Retry{}, [](ClientHello& ch) {
    ch.cipher_suites.pop_back();
  });
  EXPECT_EQ(suites.server, AlertDescription::illegal_parameter);
}

// §4.2.8: one share, for the group the retry named.
TEST(HelloRetryStrict, SecondClientHelloShareForAnotherGroupIsIllegalParameter) {
  const Outcome o = edit_second_hello(Retry{}, [](ClientHello& ch) {
    auto& shares = std::get<ClientKeyShares>(find(ch.extensions, ExtensionType::key_share)->body);
    shares.shares.front().group = NamedGroup::x25519;
  });
  EXPECT_EQ(o.server, AlertDescription::illegal_parameter);
}

// §4.2.10: a client asked to retry sends no early_data in its second
// ClientHello.
TEST(HelloRetryStrict, EarlyDataInSecondClientHelloIsIllegalParameter) {
  const Outcome o = edit_second_hello(Retry{}, [](ClientHello& ch) {
    ch.extensions->list.push_back({ExtensionType::early_data, EarlyDataIndication{}});
  });
  EXPECT_EQ(o.server, AlertDescription::illegal_parameter);
}

// §4.2.2: the cookie comes back as sent.
TEST(HelloRetryStrict, SecondClientHelloWithoutOurCookieIsIllegalParameter) {
  Retry r;
  r.server->always_hello_retry = true;
  const Outcome dropped = edit_second_hello(r, [](ClientHello& ch) {
    std::erase_if(ch.extensions->list,
                  [](const Extension& e) { return e.type == ExtensionType::cookie; });
  });
  EXPECT_EQ(dropped.server, AlertDescription::illegal_parameter);
  const Outcome changed = edit_second_hello(r, [](ClientHello& ch) {
    std::get<Cookie>(find(ch.extensions, ExtensionType::cookie)->body).cookie.back() ^= 1;
  });
  EXPECT_EQ(changed.server, AlertDescription::illegal_parameter);
}

// §4.2.2: clients do not send cookies in their first ClientHello.
TEST(HelloRetryStrict, CookieInFirstClientHelloIsIllegalParameter) {
  const Outcome o = run(Retry{}, Role::client, 0, [](Bytes flight) {
    return edit_message(flight, HandshakeType::client_hello, [](Bytes& body) {
      auto ch = ClientHello::parse(body);
      ASSERT_TRUE(ch.ok());
      ch->extensions->list.push_back({ExtensionType::cookie, Cookie{Bytes{1, 2, 3}}});
      body = ch->serialize().value();
    });
  });
  EXPECT_EQ(o.server, AlertDescription::illegal_parameter);
}

// §5: each 0x01 ChangeCipherSpec in the clear from the first ClientHello
// until the peer's Finished is dropped, one on top of D.4's on either side
// of the retry too.
TEST(HelloRetryStrict, ChangeCipherSpecsAcrossRetryAreDropped) {
  const Bytes ccs = plain_record(ContentType::change_cipher_spec, ProtocolVersion::tls12, Bytes{1});
  const Outcome before_hello = run(Retry{}, Role::client, 1, [&](Bytes flight) {
    return test_support::insert_before(flight, HandshakeType::client_hello, ccs);
  });
  EXPECT_EQ(before_hello.server, std::nullopt);
  const Outcome after_server_hello = run(Retry{}, Role::server, 1, [&](Bytes flight) {
    return test_support::insert_before(flight, HandshakeType::server_hello, ccs);
  });
  EXPECT_EQ(after_server_hello.client, std::nullopt);
}

}  // namespace
}  // namespace gauntlet
