// A client command's profile, drawn by probe cases against our server from
// real clients on loopback: what its ClientHello offers, whether it
// completes a renegotiation our server starts, whether it sends a
// certificate when asked; and the cases its profile rules out skip with
// the reason instead of failing.
#include "conformance/runner/client_probe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "conformance/runner/feature_scan.h"
#include "conformance/scenario/loader.h"
#include "conformance/targets/external_target.h"
#include "conformance/targets/process_target.h"

namespace gauntlet::conformance {
namespace {

using namespace std::chrono_literals;

std::string pki_dir() { return std::filesystem::absolute("engine/crypto/testdata").string(); }

std::string s_client(const std::string& extra) {
  const std::string p = pki_dir();
  return "openssl s_client -connect {host}:{port} -servername localhost -CAfile " + p +
         "/root-ca.pem -ign_eof " + extra;
}

std::string with_certificate() {
  const std::string p = pki_dir();
  return "-cert " + p + "/client-rsa.pem -key " + p + "/client-rsa.key -cert_chain " + p +
         "/intermediate-ca.pem";
}

bool has(const auto& list, auto value) { return std::ranges::find(list, value) != list.end(); }

class ClientProbe : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!find_program("openssl")) GTEST_SKIP() << "openssl not installed";
  }
  static ClientProfile profile(const std::string& command) {
    return profile_client(ClientCommandTarget(command), Pki{}, 5s);
  }
};

TEST_F(ClientProbe, SClientOffersAndDoesWhatItsFlagsSay) {
  const ClientProfile p = profile(s_client("-verify_return_error -verify_hostname localhost " + with_certificate()));
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_TRUE(has(p.versions, ProtocolVersion::tls12));
  EXPECT_TRUE(has(p.suites, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256));
  EXPECT_FALSE(has(p.suites, CipherSuite::empty_renegotiation_info_scsv));
  EXPECT_TRUE(has(p.extensions, ExtensionType::extended_master_secret));
  EXPECT_TRUE(p.offers_tickets);
  EXPECT_TRUE(p.secure_renegotiation);
  EXPECT_EQ(p.renegotiates, std::optional<bool>(true)) << p.renegotiation_detail;
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls12), std::optional<bool>(true));
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls13), std::optional<bool>(true));
  // libssl's default security level allows no MD5+SHA-1 CertificateVerify.
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls10), std::optional<bool>(false));
  EXPECT_EQ(p.verifies_chain, std::optional<bool>(true)) << p.verify_detail;
  EXPECT_EQ(p.verifies_name, std::optional<bool>(true)) << p.name_detail;
}

TEST_F(ClientProbe, SClientWithoutTicketsRenegotiationOrCertificate) {
  const ClientProfile p = profile(s_client("-no_ticket -no_renegotiation -cipher AES128-SHA"));
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_FALSE(p.offers_tickets);
  EXPECT_FALSE(has(p.suites, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256));
  EXPECT_TRUE(has(p.suites, CipherSuite::rsa_with_aes_128_cbc_sha));
  EXPECT_EQ(p.renegotiates, std::optional<bool>(false));
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls12), std::optional<bool>(false));
  // Without -verify_return_error s_client reports a chain it cannot verify
  // and goes on.
  EXPECT_EQ(p.verifies_chain, std::optional<bool>(false));
  EXPECT_EQ(p.verifies_name, std::optional<bool>(false));
}

TEST_F(ClientProbe, GnutlsCliOffersRecordSizeLimit) {
  if (!find_program("gnutls-cli")) GTEST_SKIP() << "gnutls-cli not installed";
  const std::string d = pki_dir();
  const ClientProfile p = profile("gnutls-cli --port {port} --sni-hostname localhost --verify-hostname "
                                  "localhost --x509cafile " + d + "/root-ca.pem {host}");
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_TRUE(has(p.extensions, ExtensionType::record_size_limit));
  EXPECT_TRUE(has(p.versions, ProtocolVersion::tls13));
  EXPECT_EQ(p.renegotiates, std::optional<bool>(true)) << p.renegotiation_detail;
  EXPECT_EQ(p.verifies_chain, std::optional<bool>(true)) << p.verify_detail;
  EXPECT_EQ(p.verifies_name, std::optional<bool>(true)) << p.name_detail;
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls13), std::optional<bool>(false));
}

// Clients that close each connection right after the handshake and connect
// again, resuming: their profile says so, and a case with steps after a
// handshake skips.
TEST_F(ClientProbe, ReconnectingClientsResume) {
  const ClientProfile p = profile(s_client("-reconnect"));
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_EQ(p.reconnects, std::optional<bool>(true));
  EXPECT_EQ(p.resumes, std::optional<bool>(true)) << p.resumption_detail;
  const ClientProfile plain = profile(s_client(""));
  EXPECT_EQ(plain.reconnects, std::optional<bool>(false));
  EXPECT_FALSE(plain.resumes);
  if (!find_program("gnutls-cli")) return;
  const ClientProfile g = profile("gnutls-cli --insecure --resume --port {port} {host}");
  ASSERT_FALSE(g.unusable) << *g.unusable;
  EXPECT_EQ(g.reconnects, std::optional<bool>(true));
  EXPECT_EQ(g.resumes, std::optional<bool>(true)) << g.resumption_detail;
  EXPECT_EQ(g.verifies_chain, std::optional<bool>(false));
}

// gnutls-cli with a certificate sends it at every version it offers.
// GnuTLS 3.7's --noticket still sends an empty session_ticket extension,
// and the profile says what the hello carries.
TEST_F(ClientProbe, GnutlsCliWithCertificateAndNoTickets) {
  if (!find_program("gnutls-cli")) GTEST_SKIP() << "gnutls-cli not installed";
  const std::string d = pki_dir();
  const ClientProfile p = profile("gnutls-cli --noticket --x509cafile " + d + "/root-ca.pem --x509certfile " + d +
                                  "/client-rsa-chain.pem --x509keyfile " + d +
                                  "/client-rsa.key --sni-hostname localhost --verify-hostname localhost "
                                  "--port {port} {host}");
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_TRUE(p.offers_tickets);
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls12), std::optional<bool>(true));
  EXPECT_EQ(p.sends_certificate_at(ProtocolVersion::tls13), std::optional<bool>(true));
  EXPECT_EQ(p.verifies_chain, std::optional<bool>(true)) << p.verify_detail;
}

TEST_F(ClientProbe, AClientThatSendsNothingIsUnusable) {
  const auto start = std::chrono::steady_clock::now();
  const ClientProfile p = profile_client(ClientCommandTarget("sleep 30"), Pki{}, 300ms);
  EXPECT_TRUE(p.unusable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> s =
      load_family_text(R"(family: t
scenarios:
  - name: renegotiated
    description: d
    rfc: r
    scripted: server
    steps:
      - handshake: success
      - renegotiate: success
  - name: ticket
    description: d
    rfc: r
    scripted: server
    requires: [tickets]
    steps:
      - handshake: success
  - name: plain
    description: d
    rfc: r
    scripted: server
    steps:
      - handshake: success
  - name: untrusted
    description: d
    rfc: r
    scripted: server
    peer: {identity: self-signed}
    requires: [verifies_chain]
    steps:
      - handshake: {alert: unknown_ca}
  - name: sha1
    description: d
    rfc: r
    scripted: server
    peer: {signature_schemes: [rsa_pkcs1_sha1]}
    requires: ["scheme:rsa_pkcs1_sha1"]
    steps:
      - handshake: success
  - name: certificate-required
    description: d
    rfc: r
    scripted: server
    peer: {client_auth: required}
    steps:
      - handshake: success
  - name: data
    description: d
    rfc: r
    scripted: server
    steps:
      - handshake: success
      - exchange: data
  - name: finished-twice
    description: d
    rfc: r
    scripted: server
    bugs: {duplicate_message: finished}
    steps:
      - handshake: {alert: unexpected_message}
)",
                       "t.yaml")
          .value();
  return s;
}

TEST_F(ClientProbe, CasesTheProfileRulesOutSkipWithTheReason) {
  const std::string command = s_client("-no_ticket -no_renegotiation -cipher AES128-SHA");
  auto inner = std::make_unique<ClientCommandTarget>(command);
  ClientProfile p = profile_client(*inner, Pki{}, 5s);
  const ScannedTarget target(std::move(inner), Pki{}, 5s, std::move(p));
  const auto why = [&](size_t scenario, CipherSuite suite) {
    return target.cannot_run({&scenarios()[scenario], ProtocolVersion::tls12, suite}).value_or("");
  };
  EXPECT_NE(why(0, CipherSuite::rsa_with_aes_128_cbc_sha).find("profile"), std::string::npos);
  EXPECT_NE(why(0, CipherSuite::rsa_with_aes_128_cbc_sha).find("renegotiation"), std::string::npos);
  EXPECT_NE(why(1, CipherSuite::rsa_with_aes_128_cbc_sha).find("session tickets"), std::string::npos);
  EXPECT_NE(why(2, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256).find("does not offer"),
            std::string::npos);
  EXPECT_EQ(why(2, CipherSuite::rsa_with_aes_128_cbc_sha), "");
  // Set up not to verify, offering no SHA-1 signatures, holding no
  // certificate: what it was not asked to do is not failed.
  EXPECT_NE(why(3, CipherSuite::rsa_with_aes_128_cbc_sha).find("cannot verify"), std::string::npos);
  EXPECT_NE(why(4, CipherSuite::rsa_with_aes_128_cbc_sha).find("does not offer rsa_pkcs1_sha1"),
            std::string::npos);
  EXPECT_NE(why(5, CipherSuite::rsa_with_aes_128_cbc_sha).find("sends no certificate"), std::string::npos);
}

TEST_F(ClientProbe, AReconnectingClientIsJudgedOnHandshakesOnly) {
  auto inner = std::make_unique<ClientCommandTarget>(s_client("-reconnect"));
  ClientProfile p = profile_client(*inner, Pki{}, 5s);
  const ScannedTarget target(std::move(inner), Pki{}, 5s, std::move(p));
  const CipherSuite suite = CipherSuite::rsa_with_aes_128_cbc_sha;
  EXPECT_NE(target.cannot_run({&scenarios()[6], ProtocolVersion::tls12, suite}).value_or("").find(
                "right after the handshake"),
            std::string::npos);
  EXPECT_NE(target.cannot_run({&scenarios()[7], ProtocolVersion::tls12, suite}).value_or("").find(
                "before a second Finished"),
            std::string::npos);
  EXPECT_EQ(target.cannot_run({&scenarios()[2], ProtocolVersion::tls12, suite}).value_or(""), "");
}

// A certificate sent at TLS 1.2 but not at TLS 1.0 (libssl's default
// security level refuses MD5+SHA-1 signatures): the cases that need one
// skip at TLS 1.0 only.
TEST_F(ClientProbe, ACertificateWithheldAtOneVersionSkipsThere) {
  auto inner = std::make_unique<ClientCommandTarget>(s_client(with_certificate()));
  ClientProfile p = profile_client(*inner, Pki{}, 5s);
  const ScannedTarget target(std::move(inner), Pki{}, 5s, std::move(p));
  const Scenario& needs_one = scenarios()[5];
  const CipherSuite suite = CipherSuite::rsa_with_aes_128_cbc_sha;
  EXPECT_EQ(target.cannot_run({&needs_one, ProtocolVersion::tls12, suite}).value_or(""), "");
  EXPECT_NE(target.cannot_run({&needs_one, ProtocolVersion::tls10, suite}).value_or("").find("at TLS 1.0"),
            std::string::npos);
}

}  // namespace
}  // namespace gauntlet::conformance
