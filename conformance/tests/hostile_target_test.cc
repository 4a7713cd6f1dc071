// The runner against broken servers on loopback: one that floods, one that
// answers with something that is not TLS, one that refuses every handshake.
// None may hold a case past its deadline or end in a green run.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "conformance/runner/executor.h"
#include "conformance/scenario/loader.h"
#include "conformance/runner/feature_scan.h"
#include "conformance/targets/external_target.h"

namespace gauntlet::conformance {
namespace {

using namespace std::chrono_literals;

// Answers each connection's first bytes with `answer`; with `flood`, keeps
// sending it every millisecond until the client goes away.
class HostileServer {
 public:
  HostileServer(Bytes answer, bool flood)
      : listener_(net::listen_tcp("127.0.0.1", 0).value()),
        port_(net::local_port(listener_).value()),
        thread_([this, answer = std::move(answer), flood] { serve(answer, flood); }) {}
  ~HostileServer() {
    stop_ = true;
    thread_.join();
  }
  uint16_t port() const { return port_; }

 private:
  void serve(const Bytes& answer, bool flood) {
    while (!stop_) {
      auto fd = net::accept_until(listener_, net::deadline_in(50ms));
      if (!fd) continue;
      if (!net::receive_some(*fd, net::deadline_in(2s))) continue;
      do {
        if (!net::send_all(*fd, answer, net::deadline_in(1s))) break;
        std::this_thread::sleep_for(1ms);
      } while (flood && !stop_);
    }
  }

  net::Fd listener_;
  uint16_t port_;
  std::atomic<bool> stop_{false};
  std::jthread thread_;
};

const Scenario& plain_handshake() {
  static const std::vector<Scenario> s =
      load_family_text("family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n"
                       "    scripted: client\n    steps:\n      - handshake: success\n",
                       "t.yaml")
          .value();
  return s.front();
}

std::unique_ptr<Target> scanned(const HostileServer& server) {
  PeerFacts facts;
  facts.verify = false;
  return std::make_unique<ScannedTarget>(
      std::make_unique<ExternalServerTarget>("127.0.0.1", server.port(), "hostile", facts), Pki{},
      300ms);
}

RunSettings short_waits() {
  RunSettings s;
  s.timeout = 300ms;
  return s;
}

const Case kCase{&plain_handshake(), ProtocolVersion::tls12, CipherSuite::rsa_with_aes_128_cbc_sha};

TEST(HostileTargetTest, AFloodEndsTheStepAtItsDeadline) {
  const HostileServer flood({22, 3, 3, 0, 4, 0, 0, 0, 0}, true);  // HelloRequest, over and over
  PeerFacts facts;
  facts.verify = false;
  const ExternalServerTarget target("127.0.0.1", flood.port(), "flood", facts);
  const CaseResult r = run_case(kCase, target, short_waits());
  EXPECT_EQ(r.verdict, Verdict::fail);
  EXPECT_NE(r.reason.find("still sending at the deadline"), std::string::npos) << r.reason;
  EXPECT_LT(r.seconds, 3.0);
}

TEST(HostileTargetTest, AnswersThatAreNotTlsAreAnError) {
  const HostileServer http(Bytes{'H', 'T', 'T', 'P', '/', '1', '.', '1', ' ', '4', '0', '0', '\r', '\n'},
                           false);
  const auto target = scanned(http);
  EXPECT_EQ(target->cannot_run(kCase), std::nullopt);
  const CaseResult r = run_case(kCase, *target, short_waits());
  EXPECT_EQ(r.verdict, Verdict::error);
  EXPECT_NE(r.reason.find("bytes that are not TLS: 48545450"), std::string::npos) << r.reason;
  EXPECT_TRUE(target->unusable());
}

TEST(HostileTargetTest, ATargetThatRefusesEveryHandshakeIsUnusable) {
  const HostileServer refuser({21, 3, 3, 0, 2, 2, 40}, false);  // fatal handshake_failure
  const auto target = scanned(refuser);
  // A skip, for this version and suite, saying what came back.
  EXPECT_EQ(target->cannot_run(kCase),
            "feature scan: no plain TLSv1.2 handshake with AES128-SHA (saw alert handshake_failure)");
  EXPECT_NE(target->unusable()->find("completed no plain handshake"), std::string::npos);
}

// The profile decides before any handshake: a version the server refused
// cleanly is skipped, one it answered with another version is run, since
// that answer is the deviation the case judges (RFC 5246 E.1).
TEST(HostileTargetTest, TheProfileSkipsRefusedVersionsButNotWrongAnswers) {
  ServerProfile profile{.target = "127.0.0.1:1"};
  profile.versions.push_back({.offered = ProtocolVersion::tls10, .answer = "fatal alert protocol_version"});
  profile.versions.push_back(
      {.offered = ProtocolVersion::tls11, .answer = "TLS 1.2", .answered = ProtocolVersion::tls12});
  PeerFacts facts;
  const ScannedTarget target(std::make_unique<ExternalServerTarget>("127.0.0.1", 1, "t", facts),
                             Pki{}, 300ms, profile);
  const auto refused = target.cannot_run({&plain_handshake(), ProtocolVersion::tls10, kCase.suite});
  ASSERT_TRUE(refused);
  EXPECT_NE(refused->find("TLSv1 refused (fatal alert protocol_version)"), std::string::npos) << *refused;
  EXPECT_FALSE(target.cannot_run({&plain_handshake(), ProtocolVersion::tls11, kCase.suite}));
  ASSERT_TRUE(target.profile());
  EXPECT_EQ(target.profile()->versions.size(), 2u);
}

// RFC 5746 §4.4: a server may refuse a renegotiation; a case that needs one
// completed is skipped against it, one that expects the refusal is not.
TEST(HostileTargetTest, TheProfileSkipsRenegotiationCasesTheServerRefuses) {
  const auto family = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: needs, description: d, rfc: r, scripted: client,\n"
      "     steps: [{handshake: success}, {renegotiate: success}]}\n"
      "  - {name: refusal, description: d, rfc: r, scripted: client,\n"
      "     steps: [{handshake: success}, {renegotiate: refused}]}\n",
      "t.yaml");
  ASSERT_TRUE(family.ok()) << family.error().reason;
  ServerProfile profile{.target = "127.0.0.1:1"};
  profile.sessions = SessionFindings{.version = ProtocolVersion::tls12,
                                     .renegotiation = RenegotiationAnswer::refused,
                                     .renegotiation_detail = "warning no_renegotiation"};
  PeerFacts facts;
  const ScannedTarget target(std::make_unique<ExternalServerTarget>("127.0.0.1", 1, "t", facts),
                             Pki{}, 300ms, profile);
  const auto skipped = target.cannot_run({&(*family)[0], ProtocolVersion::tls12, kCase.suite});
  ASSERT_TRUE(skipped);
  EXPECT_NE(skipped->find("does not complete a client renegotiation (refused, warning "
                          "no_renegotiation)"),
            std::string::npos)
      << *skipped;
  // The refusal case runs: with no plain handshake possible here it ends up
  // skipped by the scan itself, for another reason.
  const auto refusal = target.cannot_run({&(*family)[1], ProtocolVersion::tls12, kCase.suite});
  EXPECT_TRUE(!refusal || refusal->find("renegotiation") == std::string::npos) << *refusal;
}

// RFC 5077 §3.3 leaves issuing tickets to the server: a case that waits for
// NewSessionTicket skips against one whose profile shows none.
TEST(HostileTargetTest, TheProfileSkipsTicketCasesOnAServerWithout) {
  const auto family = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: nst, description: d, rfc: r, scripted: client,\n"
      "     steps: [{handshake: {message: new_session_ticket}}]}\n",
      "t.yaml");
  ASSERT_TRUE(family.ok()) << family.error().reason;
  ServerProfile profile{.target = "127.0.0.1:1"};
  profile.sessions = SessionFindings{.version = ProtocolVersion::tls12, .issues_tickets = false};
  PeerFacts facts;
  const ScannedTarget target(std::make_unique<ExternalServerTarget>("127.0.0.1", 1, "t", facts),
                             Pki{}, 300ms, profile);
  const auto skipped = target.cannot_run({&(*family)[0], ProtocolVersion::tls12, kCase.suite});
  ASSERT_TRUE(skipped);
  EXPECT_EQ(*skipped, "profile: the server issues no session tickets");
}

// A scenario's `requires:` against the profile and the user's --sut: a
// feature the profile shows missing skips with the reason; what the user
// states wins; a scenario that configures its SUT runs once its setup is
// stated.
TEST(HostileTargetTest, RequirementsTheSetupLacksSkip) {
  const auto family = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: hb, description: d, rfc: r, scripted: client, requires: [heartbeat],\n"
      "     steps: [{handshake: success}]}\n"
      "  - {name: nt, description: d, rfc: r, scripted: client, sut: {tickets: false},\n"
      "     steps: [{handshake: success}]}\n",
      "t.yaml");
  ASSERT_TRUE(family.ok()) << family.error().reason;
  ServerProfile profile{.target = "127.0.0.1:1", .extensions_at = ProtocolVersion::tls12};
  profile.extensions_asked = {ExtensionType::heartbeat};
  const auto target = [&](const std::string& declared) {
    return std::make_unique<ScannedTarget>(
        std::make_unique<ExternalServerTarget>("127.0.0.1", 1, "t", PeerFacts{}), Pki{}, 300ms,
        profile, parse_setup(declared).value());
  };
  const auto mentions = [](const std::optional<std::string>& why, const std::string& what) {
    return why && why->find(what) != std::string::npos;
  };
  const Case hb{&(*family)[0], ProtocolVersion::tls12, kCase.suite};
  const Case nt{&(*family)[1], ProtocolVersion::tls12, kCase.suite};
  EXPECT_EQ(target("")->cannot_run(hb), "profile: the server does not implement heartbeat (answered at TLS 1.2: no)");
  EXPECT_FALSE(mentions(target("heartbeat=on")->cannot_run(hb), "heartbeat"));
  EXPECT_TRUE(mentions(target("")->cannot_run(nt), "not ours to configure"));
  EXPECT_FALSE(mentions(target("tickets=off")->cannot_run(nt), "configure"));
}

// A version the server refuses skips its cases, except those that test
// version negotiation itself: the refusal is what they judge (RFC 5246 E.1).
TEST(HostileTargetTest, VersionNegotiationCasesAreNeverSkippedForTheVersion) {
  const auto family = load_family_text(
      "family: t\nscenarios:\n"
      "  - {name: plain, description: d, rfc: r, scripted: client, steps: [{handshake: success}]}\n"
      "  - {name: range, description: d, rfc: r, scripted: client, negotiates_version: true,\n"
      "     steps: [{handshake: success}]}\n",
      "t.yaml");
  ASSERT_TRUE(family.ok()) << family.error().reason;
  ServerProfile profile{.target = "127.0.0.1:1"};
  profile.versions = {VersionFinding{.offered = ProtocolVersion::tls10, .answer = "alert protocol_version"}};
  const ScannedTarget target(std::make_unique<ExternalServerTarget>("127.0.0.1", 1, "t", PeerFacts{}),
                             Pki{}, 300ms, profile);
  EXPECT_EQ(target.cannot_run({&(*family)[0], ProtocolVersion::tls10, kCase.suite}),
            "profile: TLSv1 refused (alert protocol_version)");
  EXPECT_EQ(target.cannot_run({&(*family)[1], ProtocolVersion::tls10, kCase.suite}), std::nullopt);
}

TEST(HostileTargetTest, AnUnusableProfileMakesEveryCaseAnError) {
  ServerProfile profile{.target = "127.0.0.1:1", .unusable = "it answered a TLS hello with no answer"};
  PeerFacts facts;
  const ScannedTarget target(std::make_unique<ExternalServerTarget>("127.0.0.1", 1, "t", facts),
                             Pki{}, 300ms, profile);
  const CaseResult r = run_case(kCase, target, short_waits());
  EXPECT_EQ(r.verdict, Verdict::error);
  EXPECT_NE(r.reason.find("no answer"), std::string::npos) << r.reason;
  EXPECT_TRUE(target.unusable());
}

TEST(HostileTargetTest, EachCaseHasItsOwnDeadline) {
  const RunSettings s = short_waits();
  EXPECT_EQ(case_timeout(kCase, s), 3 * s.timeout);  // one step, plus starting and connecting
}

}  // namespace
}  // namespace gauntlet::conformance
