// One negative test per rule a strict TLS 1.2 stack enforces: the failing
// side sends the alert the RFC names, the peer receives exactly that, the
// handshake does not complete, and nothing else leaks.
#include <gtest/gtest.h>

#include "engine/crypto/rsa.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet {
namespace {

using namespace test_support;
using A = AlertDescription;
using H = HandshakeType;

struct Run {
  Connection client;
  Connection server;
};

Run run(std::shared_ptr<Config> client, std::shared_ptr<Config> server,
        const FlightEdit& edit = [](Role, Bytes b) { return b; }, ClientOptions options = {"localhost", std::nullopt}) {
  Run r{Connection::client(client, std::move(options)), Connection::server(server)};
  EXPECT_TRUE(pump_edited(r.client, r.server, edit));
  return r;
}

// `failing` detected the fault and said so with `alert`; its peer heard it.
void expect_failure(const Run& r, Role failing, A alert) {
  const Connection& f = failing == Role::client ? r.client : r.server;
  const Connection& other = failing == Role::client ? r.server : r.client;
  SCOPED_TRACE("client: " + (r.client.error() ? r.client.error()->to_string() : "ok") +
               " at " + r.client.progress() + "; server: " +
               (r.server.error() ? r.server.error()->to_string() : "ok") + " at " +
               r.server.progress());
  ASSERT_TRUE(f.error()) << "no failure";
  EXPECT_EQ(f.error()->alert, alert) << f.error()->to_string();
  EXPECT_EQ(f.state(), ConnectionState::closed);
  EXPECT_FALSE(f.session());
  EXPECT_EQ(other.peer_alert(), alert);
  EXPECT_FALSE(r.client.handshake_done() && r.server.handshake_done());
}

std::shared_ptr<Config> tls12_client(std::vector<CipherSuite> suites = {
                                         CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256}) {
  auto c = client_config();
  c->min_version = ProtocolVersion::tls10;
  c->cipher_suites = std::move(suites);
  return c;
}

// Applies `edit` to every flight `who` sends.
FlightEdit on(Role who, std::function<Bytes(Bytes)> edit) {
  return [=](Role sender, Bytes b) { return sender == who ? edit(std::move(b)) : b; };
}

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

// --- key exchange values ----------------------------------------------------

class BadPublicValue : public testing::TestWithParam<int> {};

TEST_P(BadPublicValue, IsIllegalParameter) {
  const int variant = GetParam();
  auto r = run(tls12_client({CipherSuite::dhe_rsa_with_aes_128_gcm_sha256}), server_config(),
               on(Role::client, [&](Bytes b) {
                 return edit_message(b, H::client_key_exchange, [&](Bytes& body) {
                   // Yc = 0, 1 or p-1 (RFC 7919 §5.1).
                   Bytes y{static_cast<uint8_t>(variant)};
                   if (variant == 2) {
                     y = DhParams::ffdhe(FfdheGroup::ffdhe2048).p;
                     y.back() -= 1;
                   }
                   body = {static_cast<uint8_t>(y.size() >> 8), static_cast<uint8_t>(y.size())};
                   body.insert(body.end(), y.begin(), y.end());
                 });
               }));
  expect_failure(r, Role::server, A::illegal_parameter);
}

INSTANTIATE_TEST_SUITE_P(ZeroOneAndPMinusOne, BadPublicValue, testing::Values(0, 1, 2));

TEST(KeyExchange, InvalidP256PointIsIllegalParameter) {
  auto c = tls12_client();
  c->groups = {NamedGroup::secp256r1};
  auto r = run(c, server_config(), on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_key_exchange,
                                     [](Bytes& body) { body.back() ^= 0x01; });
               }));
  expect_failure(r, Role::server, A::illegal_parameter);
}

TEST(KeyExchange, TruncatedClientKeyExchangeIsDecodeError) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_key_exchange, [](Bytes& body) { body.pop_back(); });
               }));
  expect_failure(r, Role::server, A::decode_error);
}

// --- certificates -----------------------------------------------------------

class ChainProblem : public testing::TestWithParam<std::tuple<std::string, A>> {};

TEST_P(ChainProblem, ClientRefusesWithTheRightAlert) {
  const auto& [identity, alert] = GetParam();
  auto s = server_config();
  s->identities = {test_identity(identity)};
  expect_failure(run(tls12_client(), s), Role::client, alert);
}

INSTANTIATE_TEST_SUITE_P(
    Chains, ChainProblem,
    testing::Values(std::tuple{"server-expired", A::certificate_expired},
                    std::tuple{"server-wrong-name", A::bad_certificate},
                    std::tuple{"server-client-eku", A::unsupported_certificate}),
    [](const auto& info) {
      std::string n = std::get<0>(info.param);
      for (char& ch : n)
        if (ch == '-') ch = '_';
      return n;
    });

TEST(Certificates, UntrustedRootIsUnknownCa) {
  auto s = server_config();
  auto self = load_identity("engine/crypto/testdata/self-signed.pem",
                            "engine/crypto/testdata/self-signed.key");
  ASSERT_TRUE(self.ok());
  s->identities = {std::move(self).value()};
  auto c = tls12_client();
  c->verify_hostname = false;
  expect_failure(run(c, s), Role::client, A::unknown_ca);
}

TEST(Certificates, KeyTypeUnfitForTheSuiteIsUnsupportedCertificate) {
  auto s = server_config();
  s->identities = {test_identity("server-ecdsa")};
  // ECDHE_RSA chosen by rewriting the server's answer is caught by Finished;
  // here the server is honest and has no RSA key: no suite in common.
  expect_failure(run(tls12_client(), s), Role::server, A::handshake_failure);
}

TEST(Certificates, MissingRequiredClientCertificateIsHandshakeFailure) {
  auto s = server_config();
  s->client_auth = ClientAuth::required;
  expect_failure(run(tls12_client(), s), Role::server, A::handshake_failure);
}

TEST(Certificates, BadCertificateVerifyIsDecryptError) {
  auto s = server_config();
  s->client_auth = ClientAuth::required;
  auto c = tls12_client();
  c->identities = {test_identity("client-rsa")};
  auto r = run(c, s, on(Role::client, [](Bytes b) { return b; }));
  ASSERT_TRUE(r.server.handshake_done());
  auto c2 = tls12_client();
  c2->identities = {test_identity("client-rsa")};
  auto bad = run(c2, s, [](Role sender, Bytes b) {
    if (sender != Role::client) return b;
    return edit_message(b, H::certificate_verify, [](Bytes& body) { body.back() ^= 1; });
  });
  expect_failure(bad, Role::server, A::decrypt_error);
}

TEST(Certificates, ClientCertificateFromAnUntrustedCaIsUnknownCa) {
  auto s = server_config();
  s->client_auth = ClientAuth::optional;
  auto c = tls12_client();
  c->identities = {load_identity("engine/crypto/testdata/self-signed.pem",
                                 "engine/crypto/testdata/self-signed.key")
                       .value()};
  expect_failure(run(c, s), Role::server, A::unknown_ca);
}

// --- records ----------------------------------------------------------------

TEST(Records, FlippedBitInApplicationDataIsBadRecordMac) {
  for (const CipherSuite suite : {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                                  CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha,
                                  CipherSuite::rsa_with_rc4_128_sha}) {
    auto r = run(tls12_client({suite}), server_config());
    ASSERT_TRUE(r.server.handshake_done());
    ASSERT_TRUE(r.client.write(Bytes(100, 'a')).ok());
    Bytes wire = r.client.take_output();
    wire[wire.size() - 3] ^= 0x10;
    (void)r.server.receive(wire);
    ASSERT_TRUE(r.server.error()) << iana_name(suite);
    EXPECT_EQ(r.server.error()->alert, A::bad_record_mac);
    EXPECT_TRUE(r.server.read().empty());
    (void)r.client.receive(r.server.take_output());
    EXPECT_EQ(r.client.peer_alert(), A::bad_record_mac);
  }
}

TEST(Records, OversizedRecordIsRecordOverflow) {
  auto r = run(tls12_client(), server_config());
  Bytes huge = plain_record(ContentType::application_data, ProtocolVersion::tls12,
                            Bytes(kMaxCiphertext + 1, 0));
  (void)r.server.receive(huge);
  ASSERT_TRUE(r.server.error());
  EXPECT_EQ(r.server.error()->alert, A::record_overflow);
}

TEST(Records, PlaintextOverTheAnnouncedLimitIsRecordOverflow) {
  auto c = tls12_client();
  c->record_size_limit = 512;
  auto r = run(c, server_config());
  ASSERT_TRUE(r.client.handshake_done());
  EXPECT_EQ(r.server.negotiated().max_send_fragment, 512u);
  ASSERT_TRUE(r.server.write(Bytes(2000, 'z')).ok());
  ASSERT_TRUE(pump(r.client, r.server));
  EXPECT_EQ(r.client.read(), Bytes(2000, 'z'));
}

TEST(Records, EmptyHandshakeRecordIsUnexpected) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 Bytes rec = plain_record(ContentType::handshake, ProtocolVersion::tls10, {});
                 rec.insert(rec.end(), b.begin(), b.end());
                 return rec;
               }));
  expect_failure(r, Role::server, A::unexpected_message);
}

TEST(Records, OneByteFragmentsAndCoalescedMessagesComplete) {
  auto r = run(tls12_client(), server_config(), [](Role, Bytes b) {
    // Re-split every cleartext record into 1-byte records.
    Bytes out;
    Reader in(b);
    bool clear = true;
    while (!in.empty()) {
      auto rec = read_record(in).value();
      if (!rec) break;
      if (rec->type == ContentType::change_cipher_spec) clear = false;
      if (rec->type != ContentType::handshake || !clear) {
        const Bytes w = write_record(rec->type, rec->version, rec->fragment);
        out.insert(out.end(), w.begin(), w.end());
        continue;
      }
      for (const uint8_t byte : rec->fragment) {
        const Bytes w = write_record(rec->type, rec->version, Bytes{byte});
        out.insert(out.end(), w.begin(), w.end());
      }
    }
    return out;
  });
  EXPECT_TRUE(r.client.handshake_done());
  EXPECT_TRUE(r.server.handshake_done());
}

// --- renegotiation and resumption rules -------------------------------------

TEST(Renegotiation, WrongRenegotiationInfoIsHandshakeFailure) {
  auto r = run(tls12_client(), server_config(), on(Role::client, [](Bytes b) {
                 return edit_message(b, H::client_hello, [](Bytes& body) {
                   auto ch = ClientHello::parse(body).value();
                   for (auto& e : ch.extensions->list)
                     if (e.type == ExtensionType::renegotiation_info)
                       e.body = RenegotiationInfo{Bytes(12, 7)};
                   body = ch.serialize().value();
                 });
               }));
  expect_failure(r, Role::server, A::handshake_failure);
}

TEST(Resumption, ExtendedMasterSecretSessionWithoutItIsHandshakeFailure) {
  auto s = server_config();
  s->ticket_keys.reset();
  auto first = run(tls12_client(), s);
  ASSERT_TRUE(first.client.session());
  auto c = tls12_client();
  c->extended_master_secret = false;
  expect_failure(run(c, s, [](Role, Bytes b) { return b; }, {"localhost", first.client.session()}),
                 Role::server, A::handshake_failure);
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
}  // namespace gauntlet
