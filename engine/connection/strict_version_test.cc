// Strict checks of version negotiation, of tampering that Finished catches,
// and of the RSA premaster (RFC 5246 §7.4.7.1): the failing side sends the
// alert the RFC names, the peer receives exactly that, the handshake does
// not complete, and nothing else leaks.
#include <gtest/gtest.h>

#include "engine/connection/strict_checks.h"
#include "engine/crypto/rsa.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/record_bodies.h"

namespace gauntlet::strict {
namespace {

// --- version negotiation ---------------------------------------------------

TEST(Version, ClientBelowServerMinimumGetsProtocolVersion) {
  auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
  c->min_version = c->max_version = ProtocolVersion::tls10;
  auto s = server_config();
  s->min_version = ProtocolVersion::tls12;
  expect_failure(run(c, s), Role::server, A::protocol_version);
}

TEST(Version, ServerChoosingAboveTheOfferGetsProtocolVersion) {
  auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
  c->max_version = ProtocolVersion::tls11;
  auto r = run(c, server_config(), on(Role::server, [](Bytes b) {
                 return edit_message(b, H::server_hello, [](Bytes& body) { body[1] = 0x03; });
               }));
  expect_failure(r, Role::client, A::protocol_version);
}

// With the extended master secret, any change to the transcript changes
// the keys, so the peer's Finished no longer opens: bad_record_mac. Without
// it, the Finished opens and its verify_data is wrong: decrypt_error.
A finished_alert(bool ems) { return ems ? A::bad_record_mac : A::decrypt_error; }

class Tampered : public testing::TestWithParam<bool> {
 protected:
  std::shared_ptr<Config> client(std::vector<CipherSuite> suites) {
    auto c = tls12_client(std::move(suites));
    c->extended_master_secret = GetParam();
    return c;
  }
};

TEST_P(Tampered, UnknownHigherVersionNegotiatesOurBestThenFailsFinished) {
  auto r = run(client({CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256}), server_config(),
               on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) { body[1] = 0xfe; });
               }));
  // The server answered TLS 1.2 to "3.254" (RFC 5246 E.1).
  EXPECT_EQ(r.client.progress(), "finished from client");
  expect_failure(r, Role::server, finished_alert(GetParam()));
}

TEST_P(Tampered, ClientHelloRewrittenInFlightFailsFinished) {
  // An extension the server ignores: only the transcript differs.
  auto r = run(client({CipherSuite::rsa_with_aes_128_cbc_sha256}), server_config(),
               on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) {
                   auto ch = ClientHello::parse(body).value();
                   ch.extensions->list.push_back({static_cast<ExtensionType>(0x1234), RawExtension{}});
                   body = ch.serialize().value();
                 });
               }));
  expect_failure(r, Role::server, finished_alert(GetParam()));
}

TEST(Tampering, ClientRandomRewrittenChangesTheKeys) {
  auto r = run(tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha256}), server_config(),
               on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) { body[10] ^= 1; });
               }));
  expect_failure(r, Role::server, A::bad_record_mac);
}

TEST_P(Tampered, SuiteListRewrittenInFlightFailsFinished) {
  auto r = run(client({CipherSuite::rsa_with_aes_256_cbc_sha256,
                       CipherSuite::rsa_with_aes_128_cbc_sha}),
               server_config(), on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) {
                   auto ch = ClientHello::parse(body).value();
                   ch.cipher_suites.erase(ch.cipher_suites.begin());
                   body = ch.serialize().value();
                 });
               }));
  // The server chose the weaker suite it was left with; Finished caught it.
  expect_failure(r, Role::server, finished_alert(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutEms, Tampered, testing::Bool());

TEST(Version, FallbackScsvBelowOurBestIsInappropriateFallback) {
  auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
  c->max_version = ProtocolVersion::tls11;
  c->send_fallback_scsv = true;
  expect_failure(run(c, server_config()), Role::server, A::inappropriate_fallback);
}

// RFC 7507 §3 with TLS 1.3 as our best (RFC 8446 §4.2.1): a client falling
// back to TLS 1.2 is below it.
TEST(Version, FallbackScsvAtTls12WhileWeSpeakTls13IsInappropriateFallback) {
  auto c = tls12_client();
  c->max_version = ProtocolVersion::tls12;
  c->send_fallback_scsv = true;
  auto s = server_config();
  s->max_version = ProtocolVersion::tls13;
  expect_failure(run(c, s), Role::server, A::inappropriate_fallback);
}

TEST(Version, FallbackScsvAtOurBestIsFine) {
  auto c = tls12_client();
  c->send_fallback_scsv = true;
  auto r = run(c, server_config());
  EXPECT_TRUE(r.client.handshake_done());
}

// RFC 5246 E.1: a version above the server's highest, a new major number
// included, is answered with the server's highest; the RSA premaster carries
// the number as offered.
TEST(Version, MajorVersionFourIsAnsweredWithTls12) {
  for (const uint16_t offered : {0x0304, 0x0400, 0x04ff, 0xffff}) {
    SCOPED_TRACE(offered);
    auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
    c->bugs.client_version = offered;
    auto r = run(c, server_config());
    ASSERT_TRUE(r.server.handshake_done()) << (r.server.error() ? r.server.error()->to_string() : "");
    EXPECT_TRUE(r.client.handshake_done());
    EXPECT_EQ(r.server.negotiated().version, ProtocolVersion::tls12);
  }
}

TEST(Version, BelowSslThreeIsProtocolVersion) {
  for (const uint16_t offered : {0x0002, 0x0200, 0x02ff}) {
    SCOPED_TRACE(offered);
    auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
    c->bugs.client_version = offered;
    expect_failure(run(c, server_config()), Role::server, A::protocol_version);
  }
}

// The alert of a server that refused a 2.0 hello may carry record version
// 2.0; the client still hears which alert it was.
TEST(Version, ClearTextAlertIsReadAtAnyRecordVersion) {
  auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
  Connection client = Connection::client(c, {"localhost", std::nullopt});
  (void)client.take_output();
  ASSERT_TRUE(client.receive(Bytes{0x15, 0x02, 0x00, 0x00, 0x02, 0x02, 0x46}).ok());
  EXPECT_EQ(client.peer_alert(), A::protocol_version);
}

TEST(Version, RecordVersionChangedAfterNegotiationIsProtocolVersion) {
  auto r = run(tls12_client(), server_config());
  ASSERT_TRUE(r.server.handshake_done());
  ASSERT_TRUE(r.client.write(Bytes{1}).ok());
  Bytes wire = r.client.take_output();
  wire[2] = 0x01;
  (void)r.server.receive(wire);
  ASSERT_TRUE(r.server.error());
  EXPECT_EQ(r.server.error()->alert, A::protocol_version);
}

// --- the RSA premaster (RFC 5246 §7.4.7.1) ----------------------------------

// Every bad premaster draws the same answer, and only at Finished.
class BadPremaster : public testing::TestWithParam<int> {};

TEST_P(BadPremaster, FailsOnlyAtFinishedWithTheSameAlert) {
  auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha256});
  auto server_key = test_identity("server-rsa").chain.front().public_key().value();
  const int variant = GetParam();
  auto r = run(c, server_config(), on(Role::client, [&](Bytes b) {
                 return edit_message(b, H::client_key_exchange, [&](Bytes& body) {
                   Bytes premaster(48, 0x42);
                   premaster[0] = 0x03;
                   premaster[1] = 0x03;
                   if (variant == 0) premaster[1] = 0x01;  // wrong version
                   Bytes encrypted = rsa_encrypt_pkcs1(server_key, premaster).value();
                   if (variant == 1) encrypted[5] ^= 0xff;  // garbage block
                   if (variant == 2) encrypted.assign(encrypted.size(), 0x01);
                   body.assign({static_cast<uint8_t>(encrypted.size() >> 8),
                                static_cast<uint8_t>(encrypted.size() & 0xff)});
                   body.insert(body.end(), encrypted.begin(), encrypted.end());
                 });
               }));
  // The server read ClientKeyExchange without complaint, then could not open
  // the client's Finished: its keys came from a premaster of its own.
  expect_failure(r, Role::server, A::bad_record_mac);
}

INSTANTIATE_TEST_SUITE_P(Variants, BadPremaster, testing::Values(0, 1, 2));

}  // namespace
}  // namespace gauntlet::strict
