// Strict checks of key exchange values, certificates, records,
// renegotiation and resumption: the failing side sends the alert the RFC
// names, the peer receives exactly that, the handshake does not complete,
// and nothing else leaks.
#include <gtest/gtest.h>

#include "engine/connection/strict_checks.h"
#include "engine/messages/handshake/record_bodies.h"

namespace gauntlet::strict {
namespace {

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

}  // namespace
}  // namespace gauntlet::strict
