// Our engine against OpenSSL's libssl in process, both ways round: every
// version × key exchange × cipher Debian's OpenSSL 3 still speaks (security
// level 0), each full, resumed by session ID and by ticket, with client
// auth, without EMS, and renegotiated by our side.
#include <gtest/gtest.h>

#include "engine/connection/negotiation.h"
#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using test_support::client_config;
using test_support::pump;
using test_support::server_config;
using test_support::test_identity;

const std::string kPki = "engine/crypto/testdata/";

// What each case does beyond a full handshake and an exchange of data.
enum class Mode { full, resume_session_id, resume_ticket, client_auth, no_ems, renegotiate };

struct Case {
  ProtocolVersion version;
  CipherSuite suite;
  Mode mode;
};

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
      if (!suite_usable(info, v)) continue;
      for (const Mode m : {Mode::full, Mode::resume_session_id, Mode::resume_ticket,
                           Mode::client_auth, Mode::no_ems, Mode::renegotiate}) {
        out.push_back({v, s, m});
      }
    }
  }
  return out;
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  static const char* const kModes[] = {"full",        "resume_session_id", "resume_ticket",
                                       "client_auth", "no_ems",            "renegotiate"};
  std::string name = iana_name(info.param.version) + "_" + iana_name(info.param.suite) + "_" +
                     kModes[static_cast<int>(info.param.mode)];
  for (char& ch : name)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

Bytes openssl_master(SSL* ssl) {
  Bytes m(48);
  m.resize(SSL_SESSION_get_master_key(SSL_get_session(ssl), m.data(), m.size()));
  return m;
}

using test_support::why;

// Application data both ways over an established pair.
void exchange_data(Connection& ours, OpenSslPeer& theirs) {
  ASSERT_TRUE(ours.write(Bytes{'p', 'i', 'n', 'g'}).ok());
  theirs.write("pong");
  ASSERT_TRUE(pump(ours, theirs));
  EXPECT_EQ(theirs.received(), "ping");
  EXPECT_EQ(ours.read(), (Bytes{'p', 'o', 'n', 'g'}));
}

using SessionPtr = std::unique_ptr<SSL_SESSION, decltype(&SSL_SESSION_free)>;

class Interop : public testing::TestWithParam<Case> {
 protected:
  const CipherSuiteInfo& info() const { return *cipher_suite_info(GetParam().suite); }
  Mode mode() const { return GetParam().mode; }
  OpenSslOptions openssl_options() const {
    OpenSslOptions o;
    o.version = static_cast<int>(GetParam().version);
    o.cipher_list = std::string(info().openssl);
    o.tickets = mode() != Mode::resume_session_id;
    o.extended_master_secret = mode() != Mode::no_ems;
    o.allow_client_renegotiation = mode() == Mode::renegotiate;
    return o;
  }
};

TEST_P(Interop, OurClientWithOpenSslServer) {
  OpenSslOptions o = openssl_options();
  const std::string id = identity_for(info().key_exchange);
  o.chain_file = kPki + id + "-chain.pem";
  o.key_file = kPki + id + ".key";
  if (mode() == Mode::client_auth) {
    o.ca_file = kPki + "root-ca.pem";
    o.require_peer_certificate = true;
  }
  OpenSslPeer server = OpenSslPeer::server(o);
  if (!server.ok()) GTEST_SKIP() << "OpenSSL here lacks " << o.cipher_list;

  auto config = client_config();
  config->min_version = config->max_version = GetParam().version;
  config->cipher_suites = {GetParam().suite};
  if (mode() == Mode::client_auth) config->identities = {test_identity("client-rsa")};
  Connection client = Connection::client(config, {"localhost", std::nullopt});
  ASSERT_TRUE(pump(client, server));
  ASSERT_TRUE(client.handshake_done()) << why(client);
  ASSERT_TRUE(server.handshake_done());
  EXPECT_EQ(client.negotiated().suite, GetParam().suite);
  EXPECT_EQ(client.negotiated().master_secret, openssl_master(server.ssl()));
  EXPECT_EQ(client.negotiated().extended_master_secret, mode() != Mode::no_ems);
  exchange_data(client, server);

  switch (mode()) {
    case Mode::resume_session_id:
    case Mode::resume_ticket: {
      EXPECT_EQ(client.session()->ticket.empty(), mode() == Mode::resume_session_id);
      OpenSslPeer again = server.next_connection();
      Connection resumed = Connection::client(config, {"localhost", client.session()});
      ASSERT_TRUE(pump(resumed, again));
      ASSERT_TRUE(resumed.handshake_done()) << why(resumed);
      EXPECT_TRUE(resumed.negotiated().resumed);
      EXPECT_EQ(SSL_session_reused(again.ssl()), 1);
      exchange_data(resumed, again);
      break;
    }
    case Mode::client_auth:
      EXPECT_NE(SSL_get0_peer_certificate(server.ssl()), nullptr);
      EXPECT_EQ(SSL_get_verify_result(server.ssl()), X509_V_OK);
      break;
    case Mode::renegotiate:
      ASSERT_TRUE(client.renegotiate().ok());
      ASSERT_TRUE(pump(client, server));
      EXPECT_EQ(client.negotiated().handshakes, 2) << why(client);
      EXPECT_EQ(client.negotiated().master_secret, openssl_master(server.ssl()));
      break;
    default:
      break;
  }
}

TEST_P(Interop, OpenSslClientWithOurServer) {
  OpenSslOptions o = openssl_options();
  o.ca_file = kPki + "root-ca.pem";
  o.server_name = "localhost";
  if (mode() == Mode::client_auth) {
    o.chain_file = kPki + "client-rsa-chain.pem";
    o.key_file = kPki + "client-rsa.key";
  }
  OpenSslPeer client = OpenSslPeer::client(o);
  if (!client.ok()) GTEST_SKIP() << "OpenSSL here lacks " << o.cipher_list;

  auto config = server_config();
  config->cipher_suites = {GetParam().suite};
  if (mode() == Mode::resume_session_id) config->ticket_keys.reset();
  if (mode() == Mode::client_auth) config->client_auth = ClientAuth::required;
  Connection server = Connection::server(config);
  ASSERT_TRUE(pump(server, client));
  ASSERT_TRUE(server.handshake_done()) << why(server);
  ASSERT_TRUE(client.handshake_done());
  EXPECT_EQ(SSL_get_verify_result(client.ssl()), X509_V_OK);
  EXPECT_EQ(server.negotiated().version, GetParam().version);
  EXPECT_EQ(server.negotiated().master_secret, openssl_master(client.ssl()));
  EXPECT_EQ(server.negotiated().extended_master_secret, mode() != Mode::no_ems);
  exchange_data(server, client);

  switch (mode()) {
    case Mode::resume_session_id:
    case Mode::resume_ticket: {
      SessionPtr session(SSL_get1_session(client.ssl()), SSL_SESSION_free);
      EXPECT_EQ(SSL_SESSION_has_ticket(session.get()) == 1, mode() == Mode::resume_ticket);
      OpenSslPeer again = client.next_connection(session.get());
      Connection resumed = Connection::server(config);
      ASSERT_TRUE(pump(resumed, again));
      ASSERT_TRUE(resumed.handshake_done()) << why(resumed);
      EXPECT_TRUE(resumed.negotiated().resumed);
      EXPECT_EQ(SSL_session_reused(again.ssl()), 1);
      exchange_data(resumed, again);
      break;
    }
    case Mode::client_auth:
      ASSERT_FALSE(server.negotiated().peer_chain.empty());
      break;
    case Mode::renegotiate:
      ASSERT_TRUE(server.renegotiate().ok());
      ASSERT_TRUE(pump(server, client));
      EXPECT_EQ(server.negotiated().handshakes, 2) << why(server);
      EXPECT_EQ(server.negotiated().master_secret, openssl_master(client.ssl()));
      break;
    default:
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryVersionSuiteAndMode, Interop, testing::ValuesIn(interop_cases()),
                         case_name);

}  // namespace
}  // namespace gauntlet
