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
  const ClientProfile p = profile(s_client(with_certificate()));
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_TRUE(has(p.versions, ProtocolVersion::tls12));
  EXPECT_TRUE(has(p.suites, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256));
  EXPECT_FALSE(has(p.suites, CipherSuite::empty_renegotiation_info_scsv));
  EXPECT_TRUE(has(p.extensions, ExtensionType::extended_master_secret));
  EXPECT_TRUE(p.offers_tickets);
  EXPECT_TRUE(p.secure_renegotiation);
  EXPECT_EQ(p.renegotiates, std::optional<bool>(true)) << p.renegotiation_detail;
  EXPECT_EQ(p.sends_certificate, std::optional<bool>(true));
}

TEST_F(ClientProbe, SClientWithoutTicketsRenegotiationOrCertificate) {
  const ClientProfile p = profile(s_client("-no_ticket -no_renegotiation -cipher AES128-SHA"));
  ASSERT_FALSE(p.unusable) << *p.unusable;
  EXPECT_FALSE(p.offers_tickets);
  EXPECT_FALSE(has(p.suites, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256));
  EXPECT_TRUE(has(p.suites, CipherSuite::rsa_with_aes_128_cbc_sha));
  EXPECT_EQ(p.renegotiates, std::optional<bool>(false));
  EXPECT_EQ(p.sends_certificate, std::optional<bool>(false));
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
}

}  // namespace
}  // namespace gauntlet::conformance
