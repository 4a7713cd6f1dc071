// RFC 8446 §4.2.3: signature_algorithms_cert. Our client and server send it
// when Config names the schemes, and each side picks the identity whose
// chain is signed as the peer asks: by signature_algorithms_cert when
// present, by signature_algorithms otherwise, falling back to its first
// chain (§4.4.2.2, §4.4.2.3). The two RSA identities differ only in their
// chain's signature: server-rsa's is RSA (rsa_pkcs1_sha256), rsa-by-ecdsa-ca's
// is ECDSA (ecdsa_secp256r1_sha256). Against in-process libssl too, which
// reads the extension but never sends it.
#include <gtest/gtest.h>

#include <openssl/x509.h>

#include "engine/connection/connection.h"
#include "engine/connection/extensions/extension.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using S = SignatureScheme;
using test_support::test_identity;
using test_support::why;

const std::string kPki = "engine/crypto/testdata/";
const std::string kRsaSigned = "server-rsa";
const std::string kEcdsaSigned = "rsa-by-ecdsa-ca";

// The CN of a subject line ("O=...,CN=name" or "CN=name,O=...").
std::string common_name(const std::string& subject) {
  const size_t at = subject.find("CN=");
  if (at == std::string::npos) return {};
  const size_t end = subject.find(',', at);
  return subject.substr(at + 3, end == std::string::npos ? std::string::npos : end - at - 3);
}

std::string peer_leaf(const Connection& c) {
  const auto& chain = c.negotiated().peer_chain;
  return chain.empty() ? std::string{} : common_name(chain.front().subject());
}

std::shared_ptr<Config> server_with_both(ProtocolVersion max = ProtocolVersion::tls13) {
  auto s = test_support::tls13_server();
  s->max_version = max;
  s->identities = {test_identity(kRsaSigned), test_identity(kEcdsaSigned)};
  return s;
}

// No trust store: the ECDSA root is not the test root, and the choice of
// chain is what is checked here.
std::shared_ptr<Config> client_with(std::vector<S> schemes, std::vector<S> cert_schemes) {
  auto c = test_support::tls13_client();
  c->trust.reset();
  c->signature_schemes = std::move(schemes);
  c->signature_schemes_cert = std::move(cert_schemes);
  return c;
}

std::string served_chain(std::shared_ptr<Config> client,
                         std::shared_ptr<Config> server = server_with_both()) {
  auto p = test_support::handshake(client, server);
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  return peer_leaf(p.client);
}

std::optional<std::vector<S>> cert_list_in_client_hello(std::shared_ptr<Config> config) {
  Connection client = Connection::client(config, {"localhost", std::nullopt});
  const Bytes out = client.take_output();
  auto hello = ClientHello::parse(ByteView(out).subspan(9));  // record and handshake headers
  EXPECT_TRUE(hello.ok());
  const auto* body = find_body(hello->extensions, ExtensionType::signature_algorithms_cert);
  if (!body) return std::nullopt;
  return std::get<SignatureAlgorithmsCert>(*body).values;
}

const std::vector<S> kAll{S::rsa_pss_rsae_sha256, S::rsa_pkcs1_sha256, S::ecdsa_secp256r1_sha256};

TEST(SignatureAlgorithmsCert, SentOnlyWhenConfigured) {
  EXPECT_EQ(cert_list_in_client_hello(client_with(kAll, {})), std::nullopt);
  EXPECT_EQ(cert_list_in_client_hello(client_with(kAll, {S::ecdsa_secp256r1_sha256})),
            std::vector{S::ecdsa_secp256r1_sha256});
}

TEST(SignatureAlgorithmsCert, OurServerServesTheChainItNames) {
  EXPECT_EQ(served_chain(client_with(kAll, {S::ecdsa_secp256r1_sha256})), kEcdsaSigned);
  EXPECT_EQ(served_chain(client_with(kAll, {S::rsa_pkcs1_sha256})), kRsaSigned);
  // RFC 8446 §4.2.3 asks TLS 1.2 servers to read it as well.
  auto tls12 = client_with(kAll, {S::ecdsa_secp256r1_sha256});
  tls12->max_version = ProtocolVersion::tls12;
  EXPECT_EQ(served_chain(tls12, server_with_both(ProtocolVersion::tls12)), kEcdsaSigned);
}

TEST(SignatureAlgorithmsCert, WithoutItSignatureAlgorithmsNamesTheChain) {
  EXPECT_EQ(served_chain(client_with({S::rsa_pss_rsae_sha256, S::ecdsa_secp256r1_sha256}, {})),
            kEcdsaSigned);
  EXPECT_EQ(served_chain(client_with({S::rsa_pss_rsae_sha256, S::rsa_pkcs1_sha256}, {})),
            kRsaSigned);
}

// §4.4.2.2: no chain signed as asked; the server SHOULD go on with one of
// its choice.
TEST(SignatureAlgorithmsCert, NoChainFitsTheFirstIsServed) {
  EXPECT_EQ(served_chain(client_with(kAll, {S::ed25519})), kRsaSigned);
}

// §4.3.2: our CertificateRequest carries it, and our client answers with
// the chain it names (§4.4.2.3).
TEST(SignatureAlgorithmsCert, OurClientAnswersTheRequestWithTheChainItNames) {
  for (const auto& [cert_schemes, expected] :
       {std::pair{std::vector<S>{S::ecdsa_secp256r1_sha256}, kEcdsaSigned},
        std::pair{std::vector<S>{}, std::string("client-rsa")}}) {
    auto server = test_support::tls13_server();
    server->trust.reset();
    server->client_auth = ClientAuth::required;
    server->signature_schemes.push_back(S::rsa_pkcs1_sha256);
    server->signature_schemes_cert = cert_schemes;
    auto client = test_support::tls13_client();
    client->identities = {test_identity("client-rsa"), test_identity(kEcdsaSigned)};
    auto p = test_support::handshake(client, server);
    ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
    EXPECT_EQ(peer_leaf(p.server), expected);
  }
}

std::string openssl_peer_leaf(SSL* ssl) {
  X509* cert = SSL_get0_peer_certificate(ssl);
  if (!cert) return {};
  char cn[256] = {};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof cn);
  return cn;
}

// libssl's server has an RSA chain signed with ECDSA and an ECDSA chain
// signed with RSA; it takes our client's order of schemes, so ECDSA first,
// unless our signature_algorithms_cert rules that chain out.
TEST(SignatureAlgorithmsCert, OpenSslServerHonoursOurs) {
  for (const auto& [cert_schemes, expected] :
       {std::pair{std::vector<S>{S::ecdsa_secp256r1_sha256}, kEcdsaSigned},
        std::pair{std::vector<S>{}, std::string("server-ecdsa")}}) {
    OpenSslOptions o;
    o.version = TLS1_3_VERSION;
    o.chain_file = kPki + kEcdsaSigned + "-chain.pem";
    o.key_file = kPki + kEcdsaSigned + ".key";
    OpenSslPeer server = OpenSslPeer::server(o);
    ASSERT_TRUE(server.ok());
    ASSERT_EQ(
        SSL_use_certificate_chain_file(server.ssl(), (kPki + "server-ecdsa-chain.pem").c_str()), 1);
    ASSERT_EQ(SSL_use_PrivateKey_file(server.ssl(), (kPki + "server-ecdsa.key").c_str(),
                                      SSL_FILETYPE_PEM),
              1);
    Connection client = Connection::client(
        client_with({S::ecdsa_secp256r1_sha256, S::rsa_pss_rsae_sha256, S::rsa_pkcs1_sha256},
                    cert_schemes),
        {"localhost", std::nullopt});
    ASSERT_TRUE(pump(client, server));
    ASSERT_TRUE(client.handshake_done()) << why(client);
    EXPECT_EQ(peer_leaf(client), expected);
  }
}

// libssl's client sends no signature_algorithms_cert: its
// signature_algorithms names the chain our server serves.
TEST(SignatureAlgorithmsCert, OurServerReadsOpenSslSignatureAlgorithms) {
  for (const auto& [sigalgs, expected] :
       {std::pair{std::string("rsa_pss_rsae_sha256:ecdsa_secp256r1_sha256"), kEcdsaSigned},
        std::pair{std::string("rsa_pss_rsae_sha256:RSA+SHA256"), kRsaSigned}}) {
    OpenSslOptions o;
    o.version = TLS1_3_VERSION;
    o.sigalgs = sigalgs;
    OpenSslPeer client = OpenSslPeer::client(o);
    ASSERT_TRUE(client.ok());
    Connection server = Connection::server(server_with_both());
    ASSERT_TRUE(pump(server, client));
    ASSERT_TRUE(server.handshake_done()) << why(server);
    EXPECT_EQ(openssl_peer_leaf(client.ssl()), expected);
  }
}

}  // namespace
}  // namespace gauntlet
