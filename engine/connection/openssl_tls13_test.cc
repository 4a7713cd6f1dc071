// Our TLS 1.3 against OpenSSL's libssl in process, both ways round: every
// suite with every group and every signature scheme (each with the key that
// makes it), middlebox compatibility on and off on OpenSSL's side, data both
// ways and exporters equal on both sides.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "engine/connection/keying_material.h"
#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::kTls13Groups;
using test_support::kTls13Schemes;
using test_support::pump;
using test_support::SchemeIdentity;
using test_support::test_identity;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

const std::string kPki = "engine/crypto/testdata/";

struct Case {
  CipherSuite suite;
  NamedGroup group;
  SchemeIdentity scheme;
  bool middlebox_compat = true;
};

// The groups crossed with every suite and scheme: the ECDHE ones and the
// smallest FFDHE group. FFDHE 3072 to 8192 run once each (first suite and
// scheme): a handshake each way costs 0.13, 0.2, 0.6 and 1.2 s with them
// here (several times that under ASan), so crossing them would add minutes,
// and nothing of theirs depends on the suite or the scheme, which ffdhe2048
// already crosses.
constexpr std::array kCrossedGroups{NamedGroup::x25519,    NamedGroup::x448,
                                    NamedGroup::secp256r1, NamedGroup::secp384r1,
                                    NamedGroup::secp521r1, NamedGroup::ffdhe2048};

// Every suite x crossed group x scheme; the larger FFDHE groups; then
// compatibility mode off.
std::vector<Case> cases() {
  const SchemeIdentity first = kTls13Schemes.front();
  std::vector<Case> out;
  for (const CipherSuite s : tls13_cipher_suites()) {
    for (const NamedGroup g : kCrossedGroups) {
      for (const SchemeIdentity& si : kTls13Schemes) out.push_back({s, g, si});
    }
  }
  for (const NamedGroup g : kTls13Groups) {
    if (std::ranges::find(kCrossedGroups, g) == kCrossedGroups.end()) {
      out.push_back({CipherSuite::aes_128_gcm_sha256, g, first});
    }
  }
  out.push_back({CipherSuite::aes_128_gcm_sha256, NamedGroup::x25519, first, false});
  return out;
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  const Case& c = info.param;
  std::string name = iana_name(c.suite) + "_" + iana_name(c.group) + "_" +
                     iana_name(c.scheme.scheme) + (c.middlebox_compat ? "" : "_no_compat");
  std::ranges::replace_if(name, [](char ch) { return !isalnum(static_cast<unsigned char>(ch)); },
                          '_');
  return name;
}

class Tls13Interop : public testing::TestWithParam<Case> {
 protected:
  OpenSslOptions openssl_options() const {
    OpenSslOptions o;
    o.version = TLS1_3_VERSION;
    o.ciphersuites = iana_name(GetParam().suite);
    o.groups = openssl_name(GetParam().group);
    o.sigalgs = openssl_name(GetParam().scheme.scheme);
    o.middlebox_compat = GetParam().middlebox_compat;
    return o;
  }
  void restrict(Config& c) const {
    c.cipher_suites = {GetParam().suite};
    c.groups = {GetParam().group};
  }
};

Bytes openssl_export(SSL* ssl, const std::string& label, const Bytes& context, size_t n) {
  Bytes out(n);
  EXPECT_EQ(SSL_export_keying_material(ssl, out.data(), out.size(), label.data(), label.size(),
                                       context.data(), context.size(), 1),
            1);
  return out;
}

void check(Connection& ours, OpenSslPeer& theirs) {
  ASSERT_TRUE(pump(ours, theirs));
  ASSERT_TRUE(ours.handshake_done()) << why(ours);
  ASSERT_TRUE(theirs.handshake_done());
  EXPECT_EQ(SSL_version(theirs.ssl()), TLS1_3_VERSION);
  EXPECT_EQ(ours.negotiated().version, ProtocolVersion::tls13);
  EXPECT_EQ(SSL_CIPHER_get_protocol_id(SSL_get_current_cipher(theirs.ssl())),
            static_cast<uint16_t>(ours.negotiated().suite));
  ASSERT_TRUE(ours.write(Bytes{'p', 'i', 'n', 'g'}).ok());
  theirs.write("pong");
  ASSERT_TRUE(pump(ours, theirs));
  EXPECT_EQ(theirs.received(), "ping");
  EXPECT_EQ(ours.read(), (Bytes{'p', 'o', 'n', 'g'}));
  const Bytes context{'c', 't', 'x'};
  auto exported = export_keying_material(ours.negotiated(), "EXPORTER-gauntlet", context, 32);
  ASSERT_TRUE(exported.ok());
  EXPECT_EQ(*exported, openssl_export(theirs.ssl(), "EXPORTER-gauntlet", context, 32));
}

TEST_P(Tls13Interop, OurClientWithOpenSslServer) {
  OpenSslOptions o = openssl_options();
  o.chain_file = kPki + GetParam().scheme.identity + "-chain.pem";
  o.key_file = kPki + GetParam().scheme.identity + ".key";
  OpenSslPeer server = OpenSslPeer::server(o);
  ASSERT_TRUE(server.ok());
  auto config = tls13_client();
  restrict(*config);
  config->signature_schemes = {GetParam().scheme.scheme};
  Connection client = Connection::client(config, {"localhost", std::nullopt});
  check(client, server);
  EXPECT_EQ(client.negotiated().group, GetParam().group);
  EXPECT_EQ(client.negotiated().signature_scheme, GetParam().scheme.scheme);
  // OpenSSL's two NewSessionTickets (RFC 8446 §4.6.1), stored.
  EXPECT_EQ(client.tickets().size(), 2u);
}

TEST_P(Tls13Interop, OurServerWithOpenSslClient) {
  OpenSslOptions o = openssl_options();
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  OpenSslPeer client = OpenSslPeer::client(o);
  ASSERT_TRUE(client.ok());
  auto config = tls13_server();
  restrict(*config);
  config->identities = {test_identity(GetParam().scheme.identity)};
  Connection server = Connection::server(config);
  check(server, client);
  EXPECT_EQ(server.negotiated().group, GetParam().group);
  EXPECT_EQ(SSL_get_verify_result(client.ssl()), X509_V_OK);
  // Our tickets (RFC 8446 §4.6.1) make OpenSSL's session resumable.
  EXPECT_EQ(SSL_SESSION_is_resumable(SSL_get0_session(client.ssl())), 1);
}

INSTANTIATE_TEST_SUITE_P(All, Tls13Interop, testing::ValuesIn(cases()), case_name);

}  // namespace
}  // namespace gauntlet
