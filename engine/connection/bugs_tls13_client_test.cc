// The TLS 1.3 client deviations of bugs.h reach the wire and draw from our
// strict server the alert RFC 8446 names: extensions dropped or rewritten,
// key shares chosen (§4.2.8), edits kept to one of two ClientHellos
// (§4.1.2), the PSK offer broken (§4.2.11) and our client's Certificate and
// CertificateVerify broken (§4.4.2, §4.4.3).
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/messages/handshake/client_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::test_identity;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;
using A = AlertDescription;
using E = ExtensionType;

std::optional<A> alert_of(const Connection& c) {
  if (!c.error()) return std::nullopt;
  return c.error()->alert;
}

// Our first ClientHello as sent, with `set` on the client's bugs.
ClientHello first_hello(const std::function<void(Bugs&)>& set) {
  auto c = tls13_client();
  set(c->bugs);
  auto client = Connection::client(c, {"localhost", std::nullopt});
  const Bytes out = client.take_output();
  auto ch = ClientHello::parse(ByteView(out).subspan(9));  // record and message headers
  EXPECT_TRUE(ch.ok());
  return ch.ok() ? *ch : ClientHello{};
}

const Extension* find(const ClientHello& ch, E type) {
  if (!ch.extensions) return nullptr;
  for (const Extension& e : ch.extensions->list) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

// Our server against our client with `set` on the client's bugs.
test_support::EnginePair run(const std::function<void(Bugs&)>& set,
                             std::shared_ptr<Config> server = tls13_server()) {
  auto c = tls13_client();
  set(c->bugs);
  return handshake(c, server);
}

TEST(BugsTls13Client, DropAndRewriteExtensions) {
  const ClientHello ch = first_hello([](Bugs& b) {
    b.drop_extensions = {51};
    b.replace_extensions = {{43, {0x02, 0x03, 0x04}}};
  });
  EXPECT_EQ(find(ch, E::key_share), nullptr);
  ASSERT_NE(find(ch, E::supported_versions), nullptr);
  const auto serialized = ch.serialize();
  ASSERT_TRUE(serialized.ok());
  const Bytes written = {0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04};  // type, length, body
  EXPECT_FALSE(std::ranges::search(*serialized, written).empty());
  // §9.2: supported_groups without key_share is missing_extension.
  EXPECT_EQ(alert_of(run([](Bugs& b) { b.drop_extensions = {51}; }).server),
            A::missing_extension);
  // ProtocolVersion versions<2..254>: an empty list does not decode.
  EXPECT_EQ(alert_of(run([](Bugs& b) { b.replace_extensions = {{43, {0}}}; }).server),
            A::decode_error);
}

TEST(BugsTls13Client, KeyShares) {
  const ClientHello two = first_hello([](Bugs& b) {
    b.key_shares = {{NamedGroup::secp256r1, NamedGroup::x25519}};
  });
  const auto* shares = find(two, E::key_share);
  ASSERT_NE(shares, nullptr);
  const auto* offered = std::get_if<ClientKeyShares>(&shares->body);
  ASSERT_NE(offered, nullptr);
  ASSERT_EQ(offered->shares.size(), 2u);
  EXPECT_EQ(offered->shares[0].group, NamedGroup::secp256r1);
  // §4.2.8: an empty client_shares asks for a HelloRetryRequest, after which
  // the handshake completes.
  const ClientHello none = first_hello([](Bugs& b) { b.key_shares.emplace(); });
  ASSERT_NE(find(none, E::key_share), nullptr);
  auto p = run([](Bugs& b) { b.key_shares.emplace(); });
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
}

// §4.1.2: edits kept to the first ClientHello leave the second as built,
// which our server then finds changed; edits kept to the second leave the
// first.
TEST(BugsTls13Client, EditsInOneHello) {
  auto first_only = run([](Bugs& b) {
    b.key_shares.emplace();
    b.hello_edits_in = WhichHello::first;
    b.extra_extensions = {{0xfe00, {}}};
  });
  EXPECT_EQ(alert_of(first_only.server), A::illegal_parameter);
  EXPECT_NE(find(first_hello([](Bugs& b) {
                   b.hello_edits_in = WhichHello::second;
                   b.drop_extensions = {51};
                 }),
                 E::key_share),
            nullptr);
  // The second ClientHello without the share the HelloRetryRequest asked for.
  auto second = run([](Bugs& b) {
    b.key_shares.emplace();
    b.hello_edits_in = WhichHello::second;
    b.drop_extensions = {51};
  });
  EXPECT_FALSE(second.completed());
  EXPECT_TRUE(alert_of(second.server));
}

struct Resumption {
  std::shared_ptr<Config> server = tls13_server();
  Session ticket;
  Resumption() {
    auto p = handshake(tls13_client(), server);
    EXPECT_TRUE(p.completed());
    EXPECT_FALSE(p.client.tickets().empty());
    if (!p.client.tickets().empty()) ticket = p.client.tickets().front();
  }
  test_support::EnginePair resume(const std::function<void(Bugs&)>& set) {
    auto c = tls13_client();
    set(c->bugs);
    return handshake(c, server, {"localhost", ticket});
  }
};

TEST(BugsTls13Client, PskOffer) {
  Resumption r;
  auto plain = r.resume([](Bugs&) {});
  ASSERT_TRUE(plain.completed());
  EXPECT_TRUE(plain.client.negotiated().resumed);
  // §4.2.11.2: the binder is checked (decrypt_error).
  EXPECT_EQ(alert_of(r.resume([](Bugs& b) { b.corrupt_binder = true; }).server), A::decrypt_error);
  // An identity the server does not know: a full handshake.
  auto unknown = r.resume([](Bugs& b) { b.psk_identity = Bytes(16, 0xab); });
  ASSERT_TRUE(unknown.completed()) << why(unknown.client) << " / " << why(unknown.server);
  EXPECT_FALSE(unknown.client.negotiated().resumed);
  // Edits come before the binder, which covers them: psk_ke offered too.
  auto modes = r.resume([](Bugs& b) {
    b.replace_extensions = {{45, {0x02, 0x00, 0x01}}};
    b.obfuscated_ticket_age = 0x12345678;
  });
  ASSERT_TRUE(modes.completed()) << why(modes.client) << " / " << why(modes.server);
  EXPECT_TRUE(modes.client.negotiated().resumed);
}

std::shared_ptr<Config> requiring() {
  auto s = tls13_server();
  s->client_auth = ClientAuth::required;
  return s;
}

test_support::EnginePair authenticate(const std::function<void(Bugs&)>& set) {
  auto c = tls13_client();
  c->identities = {test_identity("client-rsa")};
  set(c->bugs);
  return handshake(c, requiring());
}

TEST(BugsTls13Client, ClientAuthentication) {
  EXPECT_TRUE(authenticate([](Bugs&) {}).completed());
  // §4.4.3: a signature that does not verify is decrypt_error; PKCS #1 v1.5
  // is not a TLS 1.3 CertificateVerify (illegal_parameter).
  EXPECT_EQ(alert_of(authenticate([](Bugs& b) { b.corrupt_certificate_verify = true; }).server),
            A::decrypt_error);
  EXPECT_EQ(alert_of(authenticate([](Bugs& b) {
              b.client_signature_scheme = SignatureScheme::rsa_pkcs1_sha256;
            }).server),
            A::illegal_parameter);
  // §4.4.2: the context must echo the CertificateRequest's.
  EXPECT_TRUE(alert_of(
      authenticate([](Bugs& b) { b.certificate_request_context = Bytes{1}; }).server));
}

}  // namespace
}  // namespace gauntlet
