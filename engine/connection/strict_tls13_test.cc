// RFC 8446's alerts, one test per rule, on hellos edited in transit and on
// peers made to misbehave (Bugs): the §4.2 table (illegal_parameter),
// missing_extension (§9.2), legacy_version and legacy_compression_methods
// (§4.1.2), the ServerHello's echo, suite and share (§4.1.3, §4.2.8),
// messages out of order (unexpected_message), ChangeCipherSpec outside its
// window and cleartext alerts (§5), a CertificateVerify over another
// transcript (decrypt_error, §4.4.3), a bad Finished (decrypt_error, §4.4.4), handshake messages
// after the handshake and a KeyUpdate with a bad value (§4.6). The all-zero
// inner plaintext is engine/record's (protection_tls13_test).
#include <gtest/gtest.h>

#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/handshake.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using test_support::edit_message;
using test_support::insert_before;
using test_support::plain_record;
using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

using HelloEdit = std::function<void(ClientHello&)>;
using ServerHelloEdit = std::function<void(ServerHello&)>;

std::optional<AlertDescription> alert_of(const Connection& c) {
  if (!c.error()) return std::nullopt;
  return c.error()->alert;
}

void drop_extension(std::optional<Extensions>& block, ExtensionType type) {
  std::erase_if(block->list, [&](const Extension& e) { return e.type == type; });
}

// The server's answer to our TLS 1.3 ClientHello edited by `edit`.
std::optional<AlertDescription> server_alert(const HelloEdit& edit, Bytes after = {}) {
  auto client = Connection::client(tls13_client(), {"localhost", std::nullopt});
  auto server = Connection::server(tls13_server());
  Bytes flight = edit_message(client.take_output(), HandshakeType::client_hello, [&](Bytes& body) {
    auto ch = ClientHello::parse(body);
    ASSERT_TRUE(ch.ok());
    edit(*ch);
    body = ch->serialize().value();
  });
  flight.insert(flight.end(), after.begin(), after.end());
  (void)server.receive(flight);
  return alert_of(server);
}

// Our client's answer to our server's ServerHello edited by `edit`.
std::optional<AlertDescription> client_alert(const ServerHelloEdit& edit) {
  auto client = Connection::client(tls13_client(), {"localhost", std::nullopt});
  auto server = Connection::server(tls13_server());
  EXPECT_TRUE(server.receive(client.take_output()).ok());
  const Bytes flight =
      edit_message(server.take_output(), HandshakeType::server_hello, [&](Bytes& body) {
        auto sh = ServerHello::parse(body);
        ASSERT_TRUE(sh.ok());
        edit(*sh);
        body = sh->serialize().value();
      });
  (void)client.receive(flight);
  return alert_of(client);
}

// A handshake between a default client and server, one of them misbehaving.
std::optional<AlertDescription> alert_with_bugs(Role misbehaving, const Bugs& bugs) {
  auto client = tls13_client();
  auto server = tls13_server();
  (misbehaving == Role::client ? client : server)->bugs = bugs;
  auto p = test_support::handshake(client, server);
  return alert_of(misbehaving == Role::client ? p.server : p.client);
}

TEST(Tls13Strict, UnmodifiedHelloCompletes) {
  auto p = test_support::handshake(tls13_client(), tls13_server());
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_EQ(server_alert([](ClientHello&) {}), std::nullopt);
}

// §4.2: oid_filters belongs in CertificateRequest only.
TEST(Tls13Strict, ExtensionOutsideItsMessageIsIllegalParameter) {
  EXPECT_EQ(server_alert([](ClientHello& ch) {
              ch.extensions->list.push_back({ExtensionType::oid_filters, RawExtension{{0, 0}}});
            }),
            AlertDescription::illegal_parameter);
  EXPECT_FALSE(allowed_in_tls13(ExtensionType::key_share, ExtensionContext::encrypted_extensions));
  EXPECT_FALSE(allowed_in_tls13(ExtensionType::extended_master_secret,
                                ExtensionContext::encrypted_extensions));
  EXPECT_TRUE(allowed_in_tls13(ExtensionType::extended_master_secret,
                               ExtensionContext::client_hello));
  EXPECT_TRUE(allowed_in_tls13(ExtensionType::early_data, ExtensionContext::new_session_ticket));
  // Our client reads EncryptedExtensions by the same table.
  Bugs key_share_in_ee;
  key_share_in_ee.encrypted_extensions = {{0x33, {0x00, 0x1d, 0x00, 0x00}}};
  EXPECT_EQ(alert_with_bugs(Role::server, key_share_in_ee), AlertDescription::illegal_parameter);
}

// §9.2: a certificate-authenticated handshake needs all three.
TEST(Tls13Strict, MandatoryExtensionMissingIsMissingExtension) {
  for (const ExtensionType t : {ExtensionType::signature_algorithms,
                                ExtensionType::supported_groups, ExtensionType::key_share}) {
    EXPECT_EQ(server_alert([&](ClientHello& ch) { drop_extension(ch.extensions, t); }),
              AlertDescription::missing_extension)
        << iana_name(t);
  }
}

TEST(Tls13Strict, LegacyVersionOtherThanTls12IsProtocolVersion) {
  EXPECT_EQ(server_alert([](ClientHello& ch) { ch.legacy_version = ProtocolVersion::tls13; }),
            AlertDescription::protocol_version);
}

TEST(Tls13Strict, CompressionOtherThanNullIsIllegalParameter) {
  EXPECT_EQ(server_alert([](ClientHello& ch) {
              ch.compression_methods = {CompressionMethod::null, static_cast<CompressionMethod>(1)};
            }),
            AlertDescription::illegal_parameter);
}

TEST(Tls13Strict, KeyShareOutsideSupportedGroupsIsIllegalParameter) {
  EXPECT_EQ(server_alert([](ClientHello& ch) {
              drop_extension(ch.extensions, ExtensionType::supported_groups);
              ch.extensions->list.push_back(
                  {ExtensionType::supported_groups, SupportedGroups{{NamedGroup::secp256r1}}});
            }),
            AlertDescription::illegal_parameter);
}

TEST(Tls13Strict, NoVersionInCommonIsProtocolVersion) {
  EXPECT_EQ(server_alert([](ClientHello& ch) {
              drop_extension(ch.extensions, ExtensionType::supported_versions);
              ch.extensions->list.push_back(
                  {ExtensionType::supported_versions,
                   SupportedVersionsList{{static_cast<ProtocolVersion>(0x7f1c)}}});
            }),
            AlertDescription::protocol_version);
}

// §5: one ChangeCipherSpec of 0x01 in the clear is dropped; a second, or
// another value, is unexpected_message.
TEST(Tls13Strict, ChangeCipherSpecOutsideItsWindowIsUnexpectedMessage) {
  const Bytes ccs = plain_record(ContentType::change_cipher_spec, ProtocolVersion::tls12, Bytes{1});
  const Bytes bad = plain_record(ContentType::change_cipher_spec, ProtocolVersion::tls12, Bytes{2});
  EXPECT_EQ(server_alert([](ClientHello&) {}, ccs), std::nullopt);
  // Each one "at any time" before the peer's Finished is dropped, up to a bound.
  Bytes many;
  for (int i = 0; i < kMaxDroppedChangeCipherSpecs; ++i) many.insert(many.end(), ccs.begin(), ccs.end());
  EXPECT_EQ(server_alert([](ClientHello&) {}, many), std::nullopt);
  many.insert(many.end(), ccs.begin(), ccs.end());
  EXPECT_EQ(server_alert([](ClientHello&) {}, many), AlertDescription::unexpected_message);
  EXPECT_EQ(server_alert([](ClientHello&) {}, bad), AlertDescription::unexpected_message);

  auto p = test_support::handshake(tls13_client(), tls13_server());
  ASSERT_TRUE(p.completed());
  (void)p.server.receive(ccs);  // after the client's Finished
  EXPECT_EQ(alert_of(p.server), AlertDescription::unexpected_message);
}

TEST(Tls13Strict, EncryptedChangeCipherSpecIsUnexpectedMessage) {
  auto p = test_support::handshake(tls13_client(), tls13_server());
  ASSERT_TRUE(p.completed());
  ASSERT_TRUE(p.client.send_record(ContentType::change_cipher_spec, Bytes{1}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(alert_of(p.server), AlertDescription::unexpected_message);

  Bugs body;
  body.change_cipher_spec_body = Bytes{2};  // the compatibility record's
  EXPECT_EQ(alert_with_bugs(Role::server, body), AlertDescription::unexpected_message);

  Bugs early;
  early.early_change_cipher_spec = HandshakeType::certificate;
  EXPECT_EQ(alert_with_bugs(Role::server, early), AlertDescription::unexpected_message);
}

// §4, B.3: TLS 1.3 has no HelloRequest (type 0 is reserved), so one in the
// server's encrypted flight is out of order, not a request to ignore.
TEST(Tls13Strict, HelloRequestInHandshakeIsUnexpectedMessage) {
  Bugs bugs;
  bugs.inserted_messages = {{HandshakeType::certificate, false,
                             static_cast<uint8_t>(HandshakeType::hello_request), {}}};
  EXPECT_EQ(alert_with_bugs(Role::server, bugs), AlertDescription::unexpected_message);
}

// §5 / §6: a peer that fails before it switched its write keys (libssl's
// client on a bad server Finished) sends its alert in the clear; read until
// its first protected record, refused after.
TEST(Tls13Strict, CleartextAlertIsReadOnlyBeforeThePeersFirstProtectedRecord) {
  const Bytes alert = plain_record(ContentType::alert, ProtocolVersion::tls12,
                                   Bytes{2, static_cast<uint8_t>(AlertDescription::decrypt_error)});
  auto server = Connection::server(tls13_server());
  auto client = Connection::client(tls13_client(), {"localhost", std::nullopt});
  ASSERT_TRUE(server.receive(client.take_output()).ok());
  (void)server.take_output();
  (void)server.receive(alert);
  EXPECT_EQ(server.peer_alert(), AlertDescription::decrypt_error);

  auto p = test_support::handshake(tls13_client(), tls13_server());
  ASSERT_TRUE(p.completed());
  (void)p.server.receive(alert);
  EXPECT_EQ(p.server.peer_alert(), std::nullopt);
  EXPECT_EQ(alert_of(p.server), AlertDescription::unexpected_message);
}

// §5.1: an alert record holds exactly one alert, neither split nor coalesced.
TEST(Tls13Strict, AlertRecordOtherThanOneAlertIsDecodeError) {
  for (const Bytes& body : {Bytes{1}, Bytes{1, 90, 1, 0}, Bytes{}}) {
    auto p = test_support::handshake(tls13_client(), tls13_server());
    ASSERT_TRUE(p.completed());
    ASSERT_TRUE(p.client.send_record(ContentType::alert, body).ok());
    ASSERT_TRUE(pump(p.client, p.server));
    EXPECT_EQ(alert_of(p.server), AlertDescription::decode_error) << body.size();
  }
}

// §6: every alert but close_notify and user_canceled ends the connection,
// whatever its level.
TEST(Tls13Strict, WarningAlertsOtherThanClosureAlertsAreErrors) {
  const auto after_warning = [](uint8_t description) {
    auto p = test_support::handshake(tls13_client(), tls13_server());
    EXPECT_TRUE(p.completed());
    EXPECT_TRUE(p.client.send_record(ContentType::alert, Bytes{1, description}).ok());
    EXPECT_TRUE(pump(p.client, p.server));
    return p.server.state();
  };
  EXPECT_EQ(after_warning(254), ConnectionState::closed);
  EXPECT_EQ(after_warning(static_cast<uint8_t>(AlertDescription::decrypt_error)),
            ConnectionState::closed);
  EXPECT_EQ(after_warning(static_cast<uint8_t>(AlertDescription::user_canceled)),
            ConnectionState::established);
}

TEST(Tls13Strict, ClientHelloAfterTheHandshakeIsUnexpectedMessage) {
  auto p = test_support::handshake(tls13_client(), tls13_server());
  ASSERT_TRUE(p.completed());
  const Bytes hello{1, 0, 0, 0};
  ASSERT_TRUE(p.client.send_record(ContentType::handshake, hello).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(alert_of(p.server), AlertDescription::unexpected_message);
  EXPECT_FALSE(p.server.renegotiate().ok());
}

// §4.1.3.
TEST(Tls13Strict, ServerHelloRules) {
  EXPECT_EQ(client_alert([](ServerHello&) {}), std::nullopt);
  EXPECT_EQ(client_alert([](ServerHello& sh) { sh.session_id.back() ^= 1; }),
            AlertDescription::illegal_parameter);
  EXPECT_EQ(client_alert([](ServerHello& sh) {
              sh.cipher_suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256;
            }),
            AlertDescription::illegal_parameter);
  EXPECT_EQ(client_alert([](ServerHello& sh) { sh.legacy_version = ProtocolVersion::tls10; }),
            AlertDescription::protocol_version);
  EXPECT_EQ(client_alert([](ServerHello& sh) {
              drop_extension(sh.extensions, ExtensionType::key_share);
            }),
            AlertDescription::missing_extension);
  EXPECT_EQ(client_alert([](ServerHello& sh) {
              drop_extension(sh.extensions, ExtensionType::supported_versions);
              sh.extensions->list.push_back(
                  {ExtensionType::supported_versions, SelectedVersion{ProtocolVersion::tls12}});
            }),
            AlertDescription::illegal_parameter);
  EXPECT_EQ(client_alert([](ServerHello& sh) {
              for (Extension& e : sh.extensions->list) {
                auto* ks = std::get_if<ServerKeyShare>(&e.body);
                if (ks) ks->share.group = NamedGroup::x448;
              }
            }),
            AlertDescription::illegal_parameter);
  // §4.2: ALPN goes in EncryptedExtensions.
  EXPECT_EQ(client_alert([](ServerHello& sh) {
              sh.extensions->list.push_back(
                  {ExtensionType::application_layer_protocol_negotiation, Alpn{{"h2"}}});
            }),
            AlertDescription::illegal_parameter);
}

// §4.4.3: a genuine signature by the right key, over another transcript.
TEST(Tls13Strict, CertificateVerifyOverAnotherTranscriptIsDecryptError) {
  const Bytes other_transcript(32, 0);
  auto server = tls13_server();
  server->identities = {test_support::test_identity("server-ecdsa")};
  server->bugs.certificate_verify_signature =
      sign_certificate_verify(server->identities[0].key, SignatureScheme::ecdsa_secp256r1_sha256,
                              CertificateVerifySigner::server, other_transcript)
          .value();
  auto p = test_support::handshake(tls13_client(), server);
  EXPECT_EQ(alert_of(p.client), AlertDescription::decrypt_error);

  auto client = tls13_client();
  client->identities = {test_support::test_identity("client-rsa")};
  client->bugs.certificate_verify_signature =
      sign_certificate_verify(client->identities[0].key, SignatureScheme::rsa_pss_rsae_sha256,
                              CertificateVerifySigner::client, other_transcript)
          .value();
  server = tls13_server();
  server->client_auth = ClientAuth::required;
  p = test_support::handshake(client, server);
  EXPECT_EQ(alert_of(p.server), AlertDescription::decrypt_error);
}

TEST(Tls13Strict, BadFinishedIsDecryptError) {
  Bugs bad;
  bad.corrupt_finished = true;
  EXPECT_EQ(alert_with_bugs(Role::server, bad), AlertDescription::decrypt_error);
  // The alert goes under the handshake keys, and the server reads it.
  auto server = tls13_server();
  server->bugs = bad;
  auto p = test_support::handshake(tls13_client(), server);
  EXPECT_EQ(p.server.peer_alert(), AlertDescription::decrypt_error);
  EXPECT_EQ(alert_with_bugs(Role::client, bad), AlertDescription::decrypt_error);
  Bugs short_finished;
  short_finished.truncate_finished = true;
  EXPECT_EQ(alert_with_bugs(Role::server, short_finished), AlertDescription::decode_error);
}

// Figure 1's order: a message skipped or repeated is unexpected_message.
TEST(Tls13Strict, MessagesOutOfOrderAreUnexpectedMessage) {
  for (const HandshakeType t : {HandshakeType::encrypted_extensions, HandshakeType::certificate,
                                HandshakeType::certificate_verify}) {
    Bugs skip;
    skip.skip_message = t;
    EXPECT_EQ(alert_with_bugs(Role::server, skip), AlertDescription::unexpected_message)
        << "skipped " << iana_name(t);
    Bugs twice;
    twice.duplicate_message = t;
    EXPECT_EQ(alert_with_bugs(Role::server, twice), AlertDescription::unexpected_message)
        << "repeated " << iana_name(t);
  }
}

// §4.6: after the handshake only NewSessionTicket and CertificateRequest
// from a server, and KeyUpdate either way (the client's answer to a
// request: tls13_post_handshake_auth_test); the rest is unexpected_message.
TEST(Tls13Strict, HandshakeMessagesAfterTheHandshakeAreUnexpectedMessage) {
  using T = HandshakeType;
  const std::vector<T> to_server{T::server_hello,       T::encrypted_extensions,
                                 T::certificate,        T::certificate_verify,
                                 T::finished,           T::end_of_early_data,
                                 T::new_session_ticket, T::certificate_request};
  const std::vector<T> to_client{T::client_hello,       T::server_hello, T::encrypted_extensions,
                                 T::certificate,        T::finished,     T::end_of_early_data,
                                 T::certificate_verify, T::hello_request};
  for (const bool server_receives : {true, false}) {
    for (const T t : server_receives ? to_server : to_client) {
      auto p = test_support::handshake(tls13_client(), tls13_server());
      ASSERT_TRUE(p.completed());
      Connection& sender = server_receives ? p.client : p.server;
      const Bytes empty_message{static_cast<uint8_t>(t), 0, 0, 0};
      ASSERT_TRUE(sender.send_record(ContentType::handshake, empty_message).ok());
      (void)pump(p.client, p.server);
      EXPECT_EQ(alert_of(server_receives ? p.server : p.client),
                AlertDescription::unexpected_message)
          << iana_name(t) << (server_receives ? " to the server" : " to the client");
    }
  }
}

// §4.6.3: request_update other than 0 or 1 is illegal_parameter, either way.
TEST(Tls13Strict, KeyUpdateWithABadValueIsIllegalParameter) {
  for (const bool server_receives : {true, false}) {
    auto p = test_support::handshake(tls13_client(), tls13_server());
    ASSERT_TRUE(p.completed());
    Connection& sender = server_receives ? p.client : p.server;
    const Bytes key_update{static_cast<uint8_t>(HandshakeType::key_update), 0, 0, 1, 2};
    ASSERT_TRUE(sender.send_record(ContentType::handshake, key_update).ok());
    (void)pump(p.client, p.server);
    EXPECT_EQ(alert_of(server_receives ? p.server : p.client),
              AlertDescription::illegal_parameter);
  }
}

}  // namespace
}  // namespace gauntlet
