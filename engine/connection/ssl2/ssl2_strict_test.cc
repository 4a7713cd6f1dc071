// The SSL 2.0 handshake's strictness rules, one test each: the failure, the
// ERROR message the spec names for it (SSL 2.0 spec §2.7) or none where it
// names none, and a closed connection.
#include <gtest/gtest.h>

#include "engine/connection/connection.h"
#include "engine/connection/ssl2/ssl2_test_configs.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/short_messages.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

using K = Ssl2CipherKind;
using test_support::handshake;
using test_support::why;

Bytes record(ByteView body) {
  Bytes out = write_ssl2_header(body.size(), 0).value();
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

// The server's reply to our hello and flight, without pumping further.
struct Exchange {
  Connection client;
  Connection server;
  Bytes server_reply;  // what the server wrote after the client's flight
};

Exchange run(std::shared_ptr<Config> client_cfg, std::shared_ptr<Config> server_cfg,
             void (*edit)(Bytes&) = nullptr) {
  Exchange e{Connection::client(std::move(client_cfg), {"localhost", {}}),
             Connection::server(std::move(server_cfg)), {}};
  (void)e.server.receive(e.client.take_output());
  (void)e.client.receive(e.server.take_output());
  Bytes flight = e.client.take_output();
  if (edit) edit(flight);
  (void)e.server.receive(flight);
  e.server_reply = e.server.take_output();
  return e;
}

void expect_closed_with(const Connection& c, AlertDescription alert) {
  ASSERT_TRUE(c.error()) << "no error";
  EXPECT_EQ(c.error()->alert, alert) << why(c);
  EXPECT_EQ(c.state(), ConnectionState::closed);
}

// CVE-2015-3197: a kind the server did not list is NO-CIPHER, sent before
// any key is set, so in the clear.
TEST(Ssl2Strict, MasterKeyForAnUnofferedKindIsNoCipher) {
  auto server = ssl2_test::server();
  server->ssl2_cipher_kinds = {K::rc4_128_with_md5};
  auto client = ssl2_test::client({K::rc4_128_with_md5});
  client->bugs.ssl2.master_key_kind = K::des_192_ede3_cbc_with_md5;
  auto e = run(client, server);
  expect_closed_with(e.server, AlertDescription::handshake_failure);
  EXPECT_EQ(e.server_reply, record(Ssl2Error{Ssl2ErrorCode::no_cipher}.serialize()));
  // The client, its keys already set, still reads that clear ERROR.
  (void)e.client.receive(e.server_reply);
  EXPECT_EQ(e.client.peer_alert(), AlertDescription::handshake_failure) << why(e.client);
}

// CVE-2016-0703: clear key bytes for a kind that has none, or more than an
// export kind's 11; the spec names no ERROR, so the server just closes.
TEST(Ssl2Strict, ClearKeyBytesForANonExportKindAreRefused) {
  auto client = ssl2_test::client({K::rc4_128_with_md5});
  client->bugs.ssl2.extra_clear_key_bytes = 11;
  auto e = run(client, ssl2_test::server());
  expect_closed_with(e.server, AlertDescription::illegal_parameter);
  EXPECT_TRUE(e.server_reply.empty());
}

// The same two with the server's checks turned off (Bugs, for the DROWN
// probe's tests): then the handshake completes, so the checks are what
// refuses above.
TEST(Ssl2Strict, LenientServerTakesAnUnofferedKindAndClearKeyBytes) {
  auto server = ssl2_test::server();
  server->ssl2_cipher_kinds = {K::rc4_128_with_md5};
  server->bugs.ssl2.accept_unoffered_kind = true;
  server->bugs.ssl2.accept_clear_key_bytes = true;
  auto client = ssl2_test::client({K::rc4_128_with_md5});
  client->bugs.ssl2.master_key_kind = K::des_192_ede3_cbc_with_md5;
  client->bugs.ssl2.extra_clear_key_bytes = 11;
  auto p = handshake(client, server);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(p.server.negotiated().ssl2_cipher_kind, K::des_192_ede3_cbc_with_md5);
}

TEST(Ssl2Strict, ExtraClearKeyBytesForAnExportKindAreRefused) {
  auto client = ssl2_test::client({K::rc4_128_export40_with_md5});
  client->bugs.ssl2.extra_clear_key_bytes = 1;
  auto e = run(client, ssl2_test::server());
  expect_closed_with(e.server, AlertDescription::illegal_parameter);
  EXPECT_TRUE(e.server_reply.empty());
}

// §1.2: a MAC that does not verify is an I/O error: close, no ERROR.
TEST(Ssl2Strict, BadMacClosesWithoutError) {
  auto e = run(ssl2_test::client({K::des_192_ede3_cbc_with_md5}), ssl2_test::server(),
               [](Bytes& flight) { flight.back() ^= 1; });
  expect_closed_with(e.server, AlertDescription::bad_record_mac);
  EXPECT_TRUE(e.server_reply.empty());
}

TEST(Ssl2Strict, WrongConnectionIdInClientFinished) {
  auto client = ssl2_test::client({K::rc4_128_with_md5});
  client->bugs.ssl2.wrong_connection_id = true;
  auto e = run(client, ssl2_test::server());
  expect_closed_with(e.server, AlertDescription::decrypt_error);
  EXPECT_TRUE(e.server_reply.empty());
}

TEST(Ssl2Strict, WrongChallengeInServerVerify) {
  auto server = ssl2_test::server();
  server->bugs.ssl2.wrong_challenge = true;
  auto p = handshake(ssl2_test::client({K::rc4_128_with_md5}), server);
  expect_closed_with(p.client, AlertDescription::decrypt_error);
  EXPECT_FALSE(p.client.handshake_done());
}

Bytes client_hello_body() {
  return Ssl2ClientHello{ProtocolVersion::ssl2, {K::rc4_128_with_md5}, {}, Bytes(16, 7)}
      .serialize()
      .value();
}

TEST(Ssl2Strict, TruncatedClientHello) {
  Bytes body = client_hello_body();
  body.pop_back();  // the challenge one byte short of its length
  Connection server = Connection::server(ssl2_test::server());
  (void)server.receive(record(body));
  expect_closed_with(server, AlertDescription::decode_error);
  EXPECT_FALSE(server.has_output());
}

TEST(Ssl2Strict, OversizedClientHello) {
  Bytes body = client_hello_body();
  body.push_back(0);  // a byte past the lengths' end
  Connection server = Connection::server(ssl2_test::server());
  (void)server.receive(record(body));
  expect_closed_with(server, AlertDescription::decode_error);
  EXPECT_FALSE(server.has_output());
}

TEST(Ssl2Strict, ClientFinishedBeforeMasterKey) {
  Connection server = Connection::server(ssl2_test::server());
  ASSERT_TRUE(server.receive(record(client_hello_body())).ok());
  ASSERT_TRUE(server.has_output());
  (void)server.take_output();
  (void)server.receive(record(Ssl2ClientFinished{Bytes(16, 1)}.serialize()));
  expect_closed_with(server, AlertDescription::unexpected_message);
  EXPECT_FALSE(server.has_output());
}

TEST(Ssl2Strict, ServerVerifyInsteadOfServerHello) {
  Connection client =
      Connection::client(ssl2_test::client({K::rc4_128_with_md5}), {"localhost", {}});
  (void)client.take_output();
  (void)client.receive(record(Ssl2ServerVerify{Bytes(16, 1)}.serialize()));
  expect_closed_with(client, AlertDescription::unexpected_message);
}

// A server that does not speak SSL 2.0 aborts with a TLS alert (RFC 6176
// §3); our client reads it as that alert, even a byte at a time.
TEST(Ssl2Strict, TlsAlertAnswerIsThePeersAlert) {
  Connection client =
      Connection::client(ssl2_test::client({K::rc4_128_with_md5}), {"localhost", {}});
  (void)client.take_output();
  for (const uint8_t b : Bytes{21, 3, 1, 0, 2, 2, 70}) (void)client.receive(Bytes{b});
  EXPECT_EQ(client.peer_alert(), AlertDescription::protocol_version);
  EXPECT_EQ(client.state(), ConnectionState::closed);
  EXPECT_FALSE(client.has_output());
}

// NO-CERTIFICATE is recoverable only as the answer to REQUEST-CERTIFICATE
// (§2.7): before it, even a server that only asks closes.
TEST(Ssl2Strict, NoCertificateErrorBeforeBeingAskedCloses) {
  auto server = ssl2_test::server();
  server->client_auth = ClientAuth::optional;
  auto e = run(ssl2_test::client({K::rc4_128_with_md5}), server, [](Bytes& flight) {
    flight = record(Ssl2Error{Ssl2ErrorCode::no_certificate}.serialize());
  });
  EXPECT_EQ(e.server.peer_alert(), AlertDescription::no_certificate);
  EXPECT_EQ(e.server.state(), ConnectionState::closed);
  EXPECT_FALSE(e.server.handshake_done());
}

// Our own deviations for the conformance runner (Bugs::ssl2), each as the
// peer receives it: cut, lengthened, left out, or in a record whose MAC fails.
TEST(Ssl2Strict, TruncatedMessageKnobCutsOurMessage) {
  auto client = ssl2_test::client({K::rc4_128_with_md5});
  client->bugs.ssl2.truncated_message = Ssl2MessageType::client_hello;
  Connection server = Connection::server(ssl2_test::server());
  (void)server.receive(Connection::client(client, {"localhost", {}}).take_output());
  expect_closed_with(server, AlertDescription::decode_error);
}

TEST(Ssl2Strict, TrailingByteKnobLengthensOurMessage) {
  auto server = ssl2_test::server();
  server->bugs.ssl2.trailing_byte_in = Ssl2MessageType::server_hello;
  auto p = handshake(ssl2_test::client({K::rc4_128_with_md5}), server);
  expect_closed_with(p.client, AlertDescription::decode_error);
}

TEST(Ssl2Strict, SkipMessageKnobLeavesOutServerVerify) {
  auto server = ssl2_test::server();
  server->bugs.ssl2.skip_message = Ssl2MessageType::server_verify;
  auto p = handshake(ssl2_test::client({K::rc4_128_with_md5}), server);
  expect_closed_with(p.client, AlertDescription::unexpected_message);
}

TEST(Ssl2Strict, BadMacKnobBreaksTheRecordsMac) {
  auto client = ssl2_test::client({K::des_192_ede3_cbc_with_md5});
  client->bugs.ssl2.bad_mac_in = Ssl2MessageType::client_finished;
  auto e = run(client, ssl2_test::server());
  expect_closed_with(e.server, AlertDescription::bad_record_mac);
}

TEST(Ssl2Strict, SecondClientHello) {
  Connection server = Connection::server(ssl2_test::server());
  ASSERT_TRUE(server.receive(record(client_hello_body())).ok());
  (void)server.take_output();
  (void)server.receive(record(client_hello_body()));
  expect_closed_with(server, AlertDescription::unexpected_message);
}

}  // namespace
}  // namespace gauntlet
