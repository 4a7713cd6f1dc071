// Our server as the reference users compare their stacks with: it accepts
// everything the RFC allows, however large or unusual, and refuses what it
// must with the alert the RFC names.
#include <gtest/gtest.h>

#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using namespace test_support;
using A = AlertDescription;

std::shared_ptr<Config> tls12_client(CipherSuite suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256) {
  auto c = client_config();
  c->cipher_suites = {suite};
  return c;
}

void expect_server_refuses(const EnginePair& p, A alert) {
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, alert) << p.server.error()->to_string();
  EXPECT_EQ(p.client.peer_alert(), alert);
  EXPECT_FALSE(p.completed());
}

// RFC 5246 allows a handshake message of 2^24 - 1 bytes; a ClientHello of
// over 64 KiB (a thousand unknown suites, a 65,000-byte extension) arrives
// across five records and is answered.
TEST(ReferenceServer, AcceptsAClientHelloOver64KiB) {
  auto c = tls12_client();
  c->bugs.cipher_suites = std::vector<uint16_t>{0xc02f};
  for (uint16_t i = 0; i < 1000; ++i) c->bugs.cipher_suites->push_back(static_cast<uint16_t>(0x5a00 + i));
  c->bugs.extra_extensions = {{0x7a7a, Bytes(65000, 0x42)}};
  const EnginePair p = handshake(c, server_config());
  EXPECT_TRUE(p.completed()) << (p.server.error() ? p.server.error()->to_string() : "");
}

// Past the configured cap: decode_error (the limit's comment says why), not
// illegal_parameter.
TEST(ReferenceServer, RefusesAHelloPastItsCapWithDecodeError) {
  auto c = tls12_client();
  c->bugs.extra_extensions = {{0x7a7a, Bytes(5000, 0x42)}};
  auto s = server_config();
  s->message_limits.max_message = 4096;
  expect_server_refuses(handshake(c, s), A::decode_error);
}

// RFC 8446 §4.2.3 / RFC 5246 §7.4.1.4.1: any RSA key can sign rsa_pss_rsae_*.
TEST(ReferenceServer, SignsWithTheOnlyPssSchemeOffered) {
  for (const SignatureScheme only : {SignatureScheme::rsa_pss_rsae_sha256, SignatureScheme::rsa_pss_rsae_sha384,
                                     SignatureScheme::rsa_pss_rsae_sha512}) {
    auto c = tls12_client();
    c->signature_schemes = {only};
    const EnginePair p = handshake(c, server_config());
    ASSERT_TRUE(p.completed()) << iana_name(only);
    EXPECT_EQ(p.client.negotiated().signature_scheme, only);
  }
}

// rsa_pss_pss_* needs an RSA-PSS key (RFC 8446 §4.2.3): with none, a clean
// handshake_failure, no signature it was not asked for; with one, served.
TEST(ReferenceServer, SignsRsaPssPssOnlyWithAnRsaPssKey) {
  auto c = tls12_client();
  c->signature_schemes = {SignatureScheme::rsa_pss_pss_sha256};
  expect_server_refuses(handshake(c, server_config()), A::handshake_failure);
  auto s = server_config();
  s->identities.push_back(test_identity("server-rsa-pss"));
  for (const SignatureScheme only : {SignatureScheme::rsa_pss_pss_sha256, SignatureScheme::rsa_pss_pss_sha384,
                                     SignatureScheme::rsa_pss_pss_sha512}) {
    c->signature_schemes = {only};
    const EnginePair p = handshake(c, s);
    ASSERT_TRUE(p.completed()) << iana_name(only) << ": "
                               << (p.server.error() ? p.server.error()->to_string() : "");
    EXPECT_EQ(p.client.negotiated().signature_scheme, only);
    EXPECT_NE(p.client.negotiated().peer_chain.front().subject().find("server-rsa-pss"), std::string::npos);
  }
}

// Before TLS 1.2 every RSA signature is PKCS #1 v1.5, which an RSA-PSS key
// cannot make: that identity is passed over for one that can.
TEST(ReferenceServer, PassesOverAnRsaPssKeyBeforeTls12) {
  auto c = tls12_client(CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha);
  c->max_version = ProtocolVersion::tls11;
  auto s = server_config();
  s->identities.insert(s->identities.begin(), test_identity("server-rsa-pss"));
  const EnginePair p = handshake(c, s);
  ASSERT_TRUE(p.completed());
  EXPECT_EQ(p.client.negotiated().peer_chain.front().subject().find("server-rsa-pss"), std::string::npos);
}

// RFC 5246 §7.1: ChangeCipherSpec is the single byte 01; two bytes are a
// message of the wrong length, decode_error (§7.2.2).
TEST(ReferenceServer, RefusesATwoByteChangeCipherSpecWithDecodeError) {
  auto c = tls12_client();
  c->bugs.change_cipher_spec_body = Bytes{1, 1};
  expect_server_refuses(handshake(c, server_config()), A::decode_error);
}

}  // namespace
}  // namespace gauntlet
