// Strict checks of message order and of both hellos' rules: the failing side
// sends the alert the RFC names, the peer receives exactly that, the
// handshake does not complete, and nothing else leaks.
#include <gtest/gtest.h>

#include "engine/connection/strict_checks.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/messages/handshake/server_hello.h"

namespace gauntlet::strict {
namespace {

// --- message order (the table) ----------------------------------------------

TEST(Order, SkippedCertificateIsUnexpected) {
  auto r = run(tls12_client(), server_config(),
               on(Role::server, [](Bytes b) { return drop_message(b, H::certificate); }));
  expect_failure(r, Role::client, A::unexpected_message);
}

TEST(Order, SkippedServerKeyExchangeIsUnexpected) {
  auto r = run(tls12_client(), server_config(),
               on(Role::server, [](Bytes b) { return drop_message(b, H::server_key_exchange); }));
  expect_failure(r, Role::client, A::unexpected_message);
}

TEST(Order, DuplicatedCertificateIsUnexpected) {
  auto r = run(tls12_client(), server_config(),
               on(Role::server, [](Bytes b) { return duplicate_message(b, H::certificate); }));
  expect_failure(r, Role::client, A::unexpected_message);
}

TEST(Order, SecondClientHelloIsUnexpected) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 Reader in(b);
                 const Record first = read_record(in).value().value();
                 if (first.type != ContentType::handshake || b[5] != 1) return b;
                 const Bytes again = plain_record(first.type, ProtocolVersion::tls12, first.fragment);
                 b.insert(b.end(), again.begin(), again.end());
                 return b;
               }));
  expect_failure(r, Role::server, A::unexpected_message);
}

TEST(Order, ServerKeyExchangeForRsaIsUnexpected) {
  auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
  auto r = run(c, server_config(), on(Role::server, [](Bytes b) {
                 return insert_before(b, H::server_hello_done,
                                      plain_record(ContentType::handshake, ProtocolVersion::tls12,
                                                   Bytes{12, 0, 0, 0}));
               }));
  expect_failure(r, Role::client, A::unexpected_message);
}

TEST(Order, EarlyChangeCipherSpecFromServerIsUnexpected) {
  // CVE-2014-0224: a CCS before the keys exist.
  auto r = run(tls12_client(), server_config(), on(Role::server, [](Bytes b) {
                 return insert_before(b, H::certificate,
                                      plain_record(ContentType::change_cipher_spec,
                                                   ProtocolVersion::tls12, Bytes{1}));
               }));
  expect_failure(r, Role::client, A::unexpected_message);
}

TEST(Order, EarlyChangeCipherSpecFromClientIsUnexpected) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 return insert_before(b, H::client_hello,
                                      plain_record(ContentType::change_cipher_spec,
                                                   ProtocolVersion::tls10, Bytes{1}));
               }));
  expect_failure(r, Role::server, A::unexpected_message);
}

TEST(Order, ApplicationDataBeforeFinishedIsUnexpected) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 return insert_before(b, std::nullopt,
                                      plain_record(ContentType::application_data,
                                                   ProtocolVersion::tls12, Bytes{'x'}));
               }));
  expect_failure(r, Role::server, A::unexpected_message);
}

TEST(Order, CleartextChangeCipherSpecAfterTheHandshakeIsBadRecordMac) {
  // Once keys are on, a record that does not open is refused before its type
  // is looked at.
  auto r = run(tls12_client(), server_config());
  ASSERT_TRUE(r.server.handshake_done());
  (void)r.server.receive(plain_record(ContentType::change_cipher_spec, ProtocolVersion::tls12,
                                      Bytes{1}));
  ASSERT_TRUE(r.server.error());
  EXPECT_EQ(r.server.error()->alert, A::bad_record_mac);
}

TEST(Order, UnknownContentTypeIsUnexpected) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 b.insert(b.begin(), {99, 3, 1, 0, 1, 0});
                 return b;
               }));
  expect_failure(r, Role::server, A::unexpected_message);
}

// --- ClientHello rules ------------------------------------------------------

TEST(ClientHelloRules, NoNullCompressionIsIllegalParameter) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) {
                   auto ch = ClientHello::parse(body).value();
                   ch.compression_methods = {static_cast<CompressionMethod>(1)};
                   body = ch.serialize().value();
                 });
               }));
  expect_failure(r, Role::server, A::illegal_parameter);
}

TEST(ClientHelloRules, NoCommonSuiteIsHandshakeFailure) {
  auto s = server_config();
  s->cipher_suites = {CipherSuite::rsa_with_aes_256_gcm_sha384};
  expect_failure(run(tls12_client(), s), Role::server, A::handshake_failure);
}

TEST(ClientHelloRules, NoCommonAlpnIsNoApplicationProtocol) {
  auto c = tls12_client();
  c->alpn = {"spdy/1"};
  auto s = server_config();
  s->alpn = {"h2"};
  expect_failure(run(c, s), Role::server, A::no_application_protocol);
}

// --- ServerHello rules ------------------------------------------------------

TEST(ServerHelloRules, UnofferedSuiteIsIllegalParameter) {
  auto r = run(tls12_client(), server_config(), on(Role::server, [](Bytes b) {
                 return edit_message(b, H::server_hello, [](Bytes& body) {
                   auto sh = ServerHello::parse(body).value();
                   sh.cipher_suite = CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384;
                   body = sh.serialize().value();
                 });
               }));
  expect_failure(r, Role::client, A::illegal_parameter);
}

TEST(ServerHelloRules, UnsolicitedExtensionIsUnsupportedExtension) {
  auto c = tls12_client();
  c->alpn.clear();
  auto s = server_config();
  auto r = run(c, s, on(Role::server, [](Bytes b) {
                 return edit_message(b, H::server_hello, [](Bytes& body) {
                   auto sh = ServerHello::parse(body).value();
                   sh.extensions->list.push_back(
                       {ExtensionType::application_layer_protocol_negotiation, Alpn{{"h2"}}});
                   body = sh.serialize().value();
                 });
               }));
  expect_failure(r, Role::client, A::unsupported_extension);
}

TEST(ServerHelloRules, UnofferedCurveIsIllegalParameter) {
  auto c = tls12_client();
  c->groups = {NamedGroup::x25519};
  auto s = server_config();
  s->groups = {NamedGroup::secp256r1, NamedGroup::x25519};
  // Rewrite the client's groups in flight so the server picks P-256; the
  // client must refuse a curve it never offered (before Finished can).
  auto r = run(c, s, on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) {
                   auto ch = ClientHello::parse(body).value();
                   for (auto& e : ch.extensions->list)
                     if (e.type == ExtensionType::supported_groups)
                       e.body = SupportedGroups{{NamedGroup::secp256r1}};
                   body = ch.serialize().value();
                 });
               }));
  expect_failure(r, Role::client, A::illegal_parameter);
}

TEST(ServerHelloRules, UnofferedSignatureSchemeIsIllegalParameter) {
  auto c = tls12_client();
  c->signature_schemes = {SignatureScheme::rsa_pkcs1_sha256};
  auto r = run(c, server_config(), on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) {
                   auto ch = ClientHello::parse(body).value();
                   for (auto& e : ch.extensions->list)
                     if (e.type == ExtensionType::signature_algorithms)
                       e.body = SignatureAlgorithms{{SignatureScheme::rsa_pss_rsae_sha256}};
                   body = ch.serialize().value();
                 });
               }));
  expect_failure(r, Role::client, A::illegal_parameter);
}

TEST(ServerHelloRules, TamperedServerKeyExchangeSignatureIsDecryptError) {
  auto r = run(tls12_client(), server_config(), on(Role::server, [](Bytes b) {
                 return edit_message(b, H::server_key_exchange,
                                     [](Bytes& body) { body[body.size() - 1] ^= 1; });
               }));
  expect_failure(r, Role::client, A::decrypt_error);
}


// --- found by the conformance scenarios --------------------------------------

// conformance handshake/ecdsa-certificate-curve-not-offered: RFC 8422 §5.3,
// the ECDSA certificate's curve must be one the client named; with nothing
// else offered there is no suite to choose.
TEST(ClientHelloRules, EcdsaCertificateOnACurveNotOfferedIsHandshakeFailure) {
  auto c = tls12_client({CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256});
  c->groups = {NamedGroup::x25519};
  expect_failure(run(c, server_config()), Role::server, A::handshake_failure);
}

TEST(ClientHelloRules, EcdsaCertificateOnAnOfferedCurveIsFine) {
  auto c = tls12_client({CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256});
  c->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  auto r = run(c, server_config());
  EXPECT_TRUE(r.client.handshake_done());
  EXPECT_TRUE(r.server.handshake_done());
}

// conformance state_machine/skip-change-cipher-spec(-server): the Finished
// then arrives encrypted, its first byte a random type and its length any;
// the type alone must be refused, at once (not illegal_parameter for the
// length, not a wait for a body that never comes).
TEST(Order, FinishedWithoutChangeCipherSpecIsUnexpected) {
  for (const Role skipping : {Role::client, Role::server}) {
    for (uint64_t seed = 1; seed <= 8; ++seed) {
      SCOPED_TRACE(std::to_string(static_cast<int>(skipping)) + "/" + std::to_string(seed));
      auto c = tls12_client({CipherSuite::rsa_with_aes_128_cbc_sha});
      auto s = server_config(seed);
      (skipping == Role::client ? c : s)->bugs.skip_change_cipher_spec = true;
      expect_failure(run(c, s), skipping == Role::client ? Role::server : Role::client,
                     A::unexpected_message);
    }
  }
}

TEST(Order, UnexpectedMessageTypeIsRefusedBeforeItsBody) {
  auto r = run(tls12_client(), server_config());
  ASSERT_TRUE(r.client.handshake_done());
  // A ServerHelloDone header announcing 64 KiB, with no body yet.
  ASSERT_TRUE(r.server.send_record(ContentType::handshake, Bytes{0x0e, 0x01, 0x00, 0x00}));
  (void)r.client.receive(r.server.take_output());
  ASSERT_TRUE(r.client.error());
  EXPECT_EQ(r.client.error()->alert, A::unexpected_message);
}

// An encrypted Finished whose first byte reads as HelloRequest (type 0) once
// in 256 runs: a server refuses it on the type byte, whatever length follows
// (conformance state_machine/skip-change-cipher-spec once flaked on this).
TEST(Order, HelloRequestToAServerIsRefusedBeforeItsBody) {
  auto r = run(tls12_client(), server_config());
  ASSERT_TRUE(r.server.handshake_done());
  ASSERT_TRUE(r.client.send_record(ContentType::handshake, Bytes{0x00, 0x7f, 0x12, 0x34}));
  (void)r.server.receive(r.client.take_output());
  ASSERT_TRUE(r.server.error());
  EXPECT_EQ(r.server.error()->alert, A::unexpected_message);
}

// conformance resumption/after-fatal-alert-server: RFC 5246 §7.2.2, on a
// fatal alert both sides forget the session, the receiver too.
TEST(Resumption, SessionForgottenAfterReceivingAFatalAlert) {
  auto r = run(tls12_client(), server_config());
  ASSERT_TRUE(r.client.session());
  ASSERT_TRUE(r.server.send_record(ContentType::alert, Bytes{2, 80}));
  (void)r.client.receive(r.server.take_output());
  EXPECT_EQ(r.client.peer_alert(), A::internal_error);
  EXPECT_FALSE(r.client.session());
}

}  // namespace
}  // namespace gauntlet::strict
