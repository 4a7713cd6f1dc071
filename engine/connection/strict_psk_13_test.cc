// RFC 8446's rules for resumption with a PSK, one test each, on hellos
// edited in transit: a bad binder (decrypt_error, §4.2.11.2),
// pre_shared_key not last (illegal_parameter, §4.2.11), no
// psk_key_exchange_modes (missing_extension, §4.2.9), and a ServerHello
// that selects an identity we did not offer or a suite of another hash
// (illegal_parameter) or a PSK when we offered none (unsupported_extension).
#include <gtest/gtest.h>

#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using test_support::edit_message;
using test_support::tls13_client;
using test_support::tls13_server;

struct Peers {
  std::shared_ptr<Config> client = tls13_client();
  std::shared_ptr<Config> server = tls13_server();
  Session ticket;
  Peers() {
    auto p = test_support::handshake(client, server);
    EXPECT_TRUE(p.completed());
    EXPECT_FALSE(p.client.tickets().empty());
    if (!p.client.tickets().empty()) ticket = p.client.tickets().front();
  }
};

std::optional<AlertDescription> alert_of(const Connection& c) {
  if (!c.error()) return std::nullopt;
  return c.error()->alert;
}

// The server's answer to a resuming ClientHello edited by `edit`.
std::optional<AlertDescription> server_alert(const std::function<void(ClientHello&)>& edit) {
  Peers peers;
  auto client = Connection::client(peers.client, {"localhost", peers.ticket});
  auto server = Connection::server(peers.server);
  (void)server.receive(edit_message(client.take_output(), HandshakeType::client_hello,
                                    [&](Bytes& body) {
                                      auto ch = ClientHello::parse(body);
                                      ASSERT_TRUE(ch.ok());
                                      edit(*ch);
                                      body = ch->serialize().value();
                                    }));
  return alert_of(server);
}

// Our client's answer to the server's ServerHello edited by `edit`;
// `resuming`: the client offers its ticket.
std::optional<AlertDescription> client_alert(bool resuming,
                                             const std::function<void(ServerHello&)>& edit) {
  Peers peers;
  auto client = Connection::client(
      peers.client, {"localhost", resuming ? std::optional(peers.ticket) : std::nullopt});
  auto server = Connection::server(peers.server);
  EXPECT_TRUE(server.receive(client.take_output()).ok());
  (void)client.receive(edit_message(server.take_output(), HandshakeType::server_hello,
                                    [&](Bytes& body) {
                                      auto sh = ServerHello::parse(body);
                                      ASSERT_TRUE(sh.ok());
                                      edit(*sh);
                                      body = sh->serialize().value();
                                    }));
  return alert_of(client);
}

OfferedPsks& offered(ClientHello& ch) {
  return std::get<OfferedPsks>(ch.extensions->list.back().body);
}

TEST(Tls13PskStrict, UnmodifiedResumptionCompletes) {
  EXPECT_EQ(server_alert([](ClientHello&) {}), std::nullopt);
  EXPECT_EQ(client_alert(true, [](ServerHello&) {}), std::nullopt);
}

TEST(Tls13PskStrict, BadBinderIsDecryptError) {
  EXPECT_EQ(server_alert([](ClientHello& ch) { offered(ch).binders[0][0] ^= 1; }),
            AlertDescription::decrypt_error);
}

// The binder covers the hello: a byte changed elsewhere breaks it.
TEST(Tls13PskStrict, HelloChangedUnderTheBinderIsDecryptError) {
  EXPECT_EQ(server_alert([](ClientHello& ch) { ch.random[0] ^= 1; }),
            AlertDescription::decrypt_error);
}

TEST(Tls13PskStrict, PreSharedKeyNotLastIsIllegal) {
  EXPECT_EQ(server_alert([](ClientHello& ch) {
              auto& list = ch.extensions->list;
              std::rotate(list.begin(), list.end() - 1, list.end());
            }),
            AlertDescription::illegal_parameter);
}

TEST(Tls13PskStrict, PreSharedKeyWithoutModesIsMissingExtension) {
  EXPECT_EQ(server_alert([](ClientHello& ch) {
              std::erase_if(ch.extensions->list, [](const Extension& e) {
                return e.type == ExtensionType::psk_key_exchange_modes;
              });
            }),
            AlertDescription::missing_extension);
}

TEST(Tls13PskStrict, SelectedIdentityWeDidNotOfferIsIllegal) {
  EXPECT_EQ(client_alert(true,
                         [](ServerHello& sh) {
                           for (Extension& e : sh.extensions->list) {
                             if (auto* s = std::get_if<SelectedPsk>(&e.body)) s->selected_identity = 1;
                           }
                         }),
            AlertDescription::illegal_parameter);
}

TEST(Tls13PskStrict, ResumedWithASuiteOfAnotherHashIsIllegal) {
  EXPECT_EQ(client_alert(true,
                         [](ServerHello& sh) { sh.cipher_suite = CipherSuite::aes_256_gcm_sha384; }),
            AlertDescription::illegal_parameter);
}

TEST(Tls13PskStrict, SelectedPskWeNeverOfferedIsUnsupported) {
  EXPECT_EQ(client_alert(false,
                         [](ServerHello& sh) {
                           sh.extensions->list.push_back(
                               Extension{ExtensionType::pre_shared_key, SelectedPsk{0}});
                         }),
            AlertDescription::unsupported_extension);
}

}  // namespace
}  // namespace gauntlet
