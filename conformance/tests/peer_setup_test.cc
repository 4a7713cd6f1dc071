// The setup a peer outside our control is known to have: drawn from its
// profile, stated with --sut, and checked against what a scenario requires.
#include "conformance/sut/peer_setup.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "conformance/scenario/loader.h"

namespace gauntlet::conformance {
namespace {

Requirement need(std::string_view name) { return requirement_from_name(name).value(); }

// openssl s_server -no_ticket at TLS 1.3: it refuses renegotiation, answers
// no heartbeat or record_size_limit, and completes handshakes without a
// client certificate.
ServerProfile s_server_profile() {
  ServerProfile p{.target = "127.0.0.1:1"};
  p.versions.push_back({.offered = ProtocolVersion::tls13, .spoken = true});
  p.versions.push_back({.offered = ProtocolVersion::tls12, .spoken = true});
  p.extensions_at = ProtocolVersion::tls12;
  p.extensions_asked = {ExtensionType::heartbeat, ExtensionType::record_size_limit,
                        ExtensionType::max_fragment_length};
  p.extensions = {ExtensionType::max_fragment_length};
  p.tls12_schemes = {SignatureScheme::rsa_pss_rsae_sha256, SignatureScheme::rsa_pkcs1_sha256};
  p.sessions = SessionFindings{.version = ProtocolVersion::tls12,
                               .issues_tickets = false,
                               .renegotiation = RenegotiationAnswer::refused,
                               .renegotiation_detail = "warning no_renegotiation"};
  return p;
}

TEST(PeerSetupTest, RequirementsHaveNames) {
  EXPECT_EQ(need("heartbeat").extension, ExtensionType::heartbeat);
  EXPECT_EQ(need("alpn").extension, ExtensionType::application_layer_protocol_negotiation);
  EXPECT_EQ(need("highest:tls1.2").version, ProtocolVersion::tls12);
  EXPECT_EQ(need("tickets").kind, Requirement::Kind::tickets);
  EXPECT_EQ(need("scheme:rsa_pkcs1_sha1").scheme, SignatureScheme::rsa_pkcs1_sha1);
  EXPECT_FALSE(requirement_from_name("highest:tls9"));
  EXPECT_FALSE(requirement_from_name("scheme:rot13"));
  EXPECT_FALSE(requirement_from_name("telepathy"));
}

TEST(PeerSetupTest, TheProfileSaysWhatTheServerLacks) {
  const PeerSetup s = setup_from_profile(s_server_profile());
  EXPECT_EQ(unmet(need("heartbeat"), s, Role::server),
            "profile: the server does not implement heartbeat (answered at TLS 1.2: no)");
  EXPECT_TRUE(unmet(need("record_size_limit"), s, Role::server));
  EXPECT_FALSE(unmet(need("max_fragment_length"), s, Role::server));
  // Not asked: nobody knows, so the case runs.
  EXPECT_FALSE(unmet(need("alpn"), s, Role::server));
  EXPECT_EQ(unmet(need("tickets"), s, Role::server), "profile: the server issues no session tickets");
  EXPECT_EQ(unmet(need("renegotiation"), s, Role::server),
            "profile: the server does not complete a client renegotiation (refused, warning "
            "no_renegotiation)");
  EXPECT_EQ(unmet(need("highest:tls1.2"), s, Role::server),
            "profile: the scenario assumes the server's highest version is TLS 1.2; it is TLS 1.3");
  EXPECT_FALSE(unmet(need("highest:tls1.3"), s, Role::server));
  // OpenSSL 3's default security level signs with no SHA-1 scheme.
  EXPECT_EQ(unmet(need("scheme:rsa_pkcs1_sha1"), s, Role::server),
            "profile: the server does not sign a TLS 1.2 key exchange with rsa_pkcs1_sha1");
  EXPECT_FALSE(unmet(need("scheme:rsa_pkcs1_sha256"), s, Role::server));
  EXPECT_FALSE(unmet(need("application_data"), s, Role::server));
  // s_server without -www or -rev prints what it reads and answers nothing.
  ServerProfile silent = s_server_profile();
  silent.sessions->application_data = "no answer";
  EXPECT_EQ(unmet(need("application_data"), setup_from_profile(silent), Role::server),
            "profile: the server answers no application data (no answer)");
}

TEST(PeerSetupTest, NothingKnownSkipsNothing) {
  const PeerSetup s;
  for (const char* n : {"tickets", "renegotiation", "client_certificate", "heartbeat", "highest:tls1.2"}) {
    EXPECT_FALSE(unmet(need(n), s, Role::server)) << n;
    EXPECT_FALSE(unmet(need(n), s, Role::client)) << n;
  }
  EXPECT_FALSE(setup_conflict({}, s));
}

TEST(PeerSetupTest, TheUsersStatementWinsOverTheProfile) {
  PeerSetup s = setup_from_profile(s_server_profile());
  s.overlay(parse_setup("tickets=on, heartbeat=on,renegotiation=allow").value());
  EXPECT_FALSE(unmet(need("tickets"), s, Role::server));
  EXPECT_FALSE(unmet(need("heartbeat"), s, Role::server));
  EXPECT_FALSE(unmet(need("renegotiation"), s, Role::server));
  EXPECT_TRUE(unmet(need("record_size_limit"), s, Role::server));  // still the profile's
}

TEST(PeerSetupTest, AClientCommandsSetupIsStated) {
  const PeerSetup s = parse_setup("tickets=off,client-cert=none,record-size-limit=off").value();
  EXPECT_EQ(unmet(need("client_certificate"), s, Role::client),
            "--sut: the client sends no certificate when asked");
  EXPECT_EQ(unmet(need("tickets"), s, Role::client), "--sut: the client offers no session tickets");
  EXPECT_EQ(unmet(need("record_size_limit"), s, Role::client),
            "--sut: the client does not implement record_size_limit");
  const PeerSetup lax = parse_setup("verifies-chain=off,verifies-name=off").value();
  EXPECT_EQ(unmet(need("verifies_chain"), lax, Role::client),
            "--sut: the client does not refuse a server chain it cannot verify");
  EXPECT_EQ(unmet(need("verifies_name"), lax, Role::client),
            "--sut: the client does not check the server's name");
}

// What the client profile's probes found: the schemes its hello offers, a
// chain it does not verify, no certificate at any version.
TEST(PeerSetupTest, AClientProfileSaysWhatTheClientLacks) {
  ClientProfile p{.target = "client-cmd:x"};
  p.versions = {ProtocolVersion::tls12};
  p.schemes = {SignatureScheme::rsa_pss_rsae_sha256, SignatureScheme::rsa_pkcs1_sha256};
  p.sends_certificate = {{ProtocolVersion::tls10, false}, {ProtocolVersion::tls12, false}};
  p.verifies_chain = false;
  p.verifies_name = true;
  const PeerSetup s = setup_from_profile(p);
  EXPECT_EQ(unmet(need("scheme:rsa_pkcs1_sha1"), s, Role::client),
            "profile: the client does not offer rsa_pkcs1_sha1 (in its ClientHello: no)");
  EXPECT_FALSE(unmet(need("scheme:rsa_pkcs1_sha256"), s, Role::client));
  EXPECT_EQ(unmet(need("verifies_chain"), s, Role::client),
            "profile: the client does not refuse a server chain it cannot verify");
  EXPECT_FALSE(unmet(need("verifies_name"), s, Role::client));
  EXPECT_EQ(unmet(need("client_certificate"), s, Role::client),
            "profile: the client sends no certificate when asked");
  // A certificate sent at one version: the feature scan weighs it per case.
  p.sends_certificate[ProtocolVersion::tls12] = true;
  EXPECT_FALSE(unmet(need("client_certificate"), setup_from_profile(p), Role::client));
}

// Our server requiring a certificate of a handshake that must go on: the
// client needs one; a CertificateRequest it must refuse needs none.
TEST(PeerSetupTest, ARequiredClientCertificateImpliesTheRequirement) {
  const auto family = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: a, description: d, rfc: r, scripted: server, peer: {client_auth: required},\n"
      "     steps: [{handshake: success}]}\n"
      "  - {name: b, description: d, rfc: r, scripted: server, peer: {client_auth: required},\n"
      "     steps: [{handshake: {alert: decode_error}}]}\n"
      "  - {name: c, description: d, rfc: r, scripted: server, peer: {client_auth: optional},\n"
      "     steps: [{handshake: success}]}\n",
      "t.yaml");
  ASSERT_TRUE(family) << family.error().reason;
  EXPECT_EQ((*family)[0].requirements(), std::vector{need("client_certificate")});
  EXPECT_TRUE((*family)[1].requirements().empty());
  EXPECT_TRUE((*family)[2].requirements().empty());
}

TEST(PeerSetupTest, BadStatementsAreRefused) {
  EXPECT_FALSE(parse_setup("tickets"));
  EXPECT_FALSE(parse_setup("tickets=maybe"));
  EXPECT_FALSE(parse_setup("renegotiation=secure"));
  EXPECT_FALSE(parse_setup("client-cert=always"));
  EXPECT_FALSE(parse_setup("highest=tls9"));
  EXPECT_FALSE(parse_setup("colour=blue"));
  EXPECT_NE(parse_setup("colour=blue").error().reason.find("tickets"), std::string::npos);
  EXPECT_TRUE(parse_setup(""));
}

TEST(PeerSetupTest, ASetupFileHoldsOneStatementALine) {
  const std::string path = ::testing::TempDir() + "/setup.txt";
  std::ofstream(path) << "# s_server -no_ticket\ntickets=off\n\nrenegotiation=refuse  # by default\n";
  const auto s = load_setup(path);
  ASSERT_TRUE(s) << s.error().reason;
  EXPECT_FALSE(s->tickets->value);
  EXPECT_FALSE(s->renegotiation->value);
  std::ofstream(path) << "tickets=sometimes\n";
  ASSERT_FALSE(load_setup(path));
  EXPECT_NE(load_setup(path).error().reason.find(path), std::string::npos);
  std::remove(path.c_str());
}

// A scenario that configures its SUT runs against a peer outside our
// control only when the user states that setup; a profile cannot say the
// server trusts our client certificates.
TEST(PeerSetupTest, ScenariosConfiguringTheSutNeedAStatedSetup) {
  const SutSettings no_tickets{.tickets = false};
  const SutSettings required{.client_auth = ClientAuth::required};
  const PeerSetup profiled = setup_from_profile(s_server_profile());
  EXPECT_NE(setup_conflict(no_tickets, profiled)->find("--sut"), std::string::npos);
  EXPECT_FALSE(setup_conflict(no_tickets, parse_setup("tickets=off").value()));
  EXPECT_TRUE(setup_conflict(required, parse_setup("client-cert=optional").value()));
  const PeerSetup requiring = parse_setup("client-cert=required").value();
  EXPECT_FALSE(setup_conflict(required, requiring));
  EXPECT_FALSE(setup_conflict({}, requiring));  // our client then offers the test PKI's
  EXPECT_TRUE(setup_conflict({.renegotiation = RenegotiationPolicy::refuse}, profiled));
  EXPECT_FALSE(setup_conflict({.renegotiation = RenegotiationPolicy::refuse},
                              parse_setup("renegotiation=refuse").value()));
}

// A profile that saw a certificate request and no completed handshake
// without one takes client authentication as required.
TEST(PeerSetupTest, ARequestWithoutAHandshakeIsRequired) {
  ServerProfile p = s_server_profile();
  p.requests_certificate = true;
  p.sessions->failure = "alert handshake_failure";
  const PeerSetup s = setup_from_profile(p);
  ASSERT_TRUE(s.client_auth);
  EXPECT_EQ(s.client_auth->value, ClientAuth::required);
  EXPECT_FALSE(s.tickets);  // no handshake: nothing known of sessions
  EXPECT_TRUE(setup_conflict({}, s));
}

TEST(PeerSetupTest, StepsImplyRequirements) {
  const auto family = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: a, description: d, rfc: r, scripted: client, requires: [heartbeat, tickets],\n"
      "     steps: [{handshake: {message: new_session_ticket}}, {renegotiate: success},\n"
      "             {renegotiate: refused}, {exchange: data}]}\n",
      "t.yaml");
  ASSERT_TRUE(family) << family.error().reason;
  EXPECT_EQ(family->front().requirements(),
            (std::vector{need("heartbeat"), need("tickets"), need("renegotiation"),
                         need("application_data")}));
  // Our client scripted: the SUT is the server, and a stack's own setup
  // says who knows.
  const PeerSetup libssl = parse_setup("heartbeat=off", "libssl 3").value();
  EXPECT_EQ(lacks(family->front(), libssl), "libssl 3: the server does not implement heartbeat");
  EXPECT_FALSE(lacks(family->front(), PeerSetup{}));
  const auto bad = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: a, description: d, rfc: r, scripted: client, requires: [telepathy],\n"
      "     steps: [{handshake: success}]}\n",
      "t.yaml");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().reason.find("t.yaml:3: unknown requirement 'telepathy'"), std::string::npos)
      << bad.error().reason;
}

}  // namespace
}  // namespace gauntlet::conformance
