// A case is judged only if its deviation reached the wire: against our own
// engine, a deviation the SUT never takes up makes the case "not
// delivered", neither pass nor FAIL, and one that goes out is judged.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "conformance/report/report.h"
#include "conformance/runner/delivery.h"
#include "conformance/runner/executor.h"
#include "conformance/runner/known_failures.h"
#include "conformance/scenario/loader.h"
#include "conformance/scenario/setting_keys.h"
#include "conformance/targets/self_target.h"

namespace gauntlet::conformance {
namespace {

// One scenario (`settings` are its keys before `steps`) against `self`.
CaseResult run_case_text(const std::string& settings, const std::string& steps) {
  const std::string text = "family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n" +
                           settings + "    steps:\n" + steps;
  auto r = load_family_text(text, "t.yaml");
  EXPECT_TRUE(r) << r.error().reason;
  static std::vector<Scenario> keep;
  keep = std::move(r).value();
  const SelfTarget self{Pki{}};
  return run_case({&keep.front(), ProtocolVersion::tls12, CipherSuite::rsa_with_aes_128_cbc_sha}, self,
                  RunSettings{});
}

bool has_line(const CaseResult& r, const std::string& text) {
  for (const auto& line : r.transcript) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

// The SUT server asks for no certificate, so our client never sends the
// CertificateVerify the knob garbles: before, this failed with "the
// handshake completed".
TEST(DeliveryTest, AMessageNeverSentIsNotDelivered) {
  const CaseResult r = run_case_text(
      "    scripted: client\n    bugs: {trailing_byte_in: certificate_verify}\n",
      "      - handshake: {alert: decode_error}\n");
  EXPECT_EQ(r.verdict, Verdict::not_delivered) << r.reason;
  EXPECT_NE(r.reason.find("never reached its certificate_verify, which carries bugs.trailing_byte_in"),
            std::string::npos)
      << r.reason;
  EXPECT_NE(r.reason.find("judged anyway"), std::string::npos) << r.reason;
  // Asked for one, the same knob is delivered and judged.
  const CaseResult asked = run_case_text(
      "    scripted: client\n    sut: {client_auth: required}\n    peer: {client_certificate: client-rsa}\n"
      "    bugs: {trailing_byte_in: certificate_verify}\n",
      "      - handshake: {alert: decode_error}\n");
  EXPECT_EQ(asked.verdict, Verdict::pass) << asked.reason;
}

// The same from our server: one that issues no tickets (as to a SUT client
// that offers no session_ticket extension) never sends the NewSessionTicket
// under test.
TEST(DeliveryTest, AServerMessageNeverSentIsNotDelivered) {
  const std::string bugs = "    bugs: {trailing_byte_in: new_session_ticket}\n";
  const std::string steps = "      - handshake: {alert: decode_error}\n";
  const CaseResult r = run_case_text("    scripted: server\n    peer: {tickets: false}\n" + bugs, steps);
  EXPECT_EQ(r.verdict, Verdict::not_delivered) << r.reason;
  EXPECT_NE(r.reason.find("new_session_ticket"), std::string::npos) << r.reason;
  const CaseResult sent = run_case_text("    scripted: server\n" + bugs, steps);
  EXPECT_EQ(sent.verdict, Verdict::pass) << sent.reason;
}

TEST(DeliveryTest, ATamperThatFindsNoRecordIsNotDelivered) {
  const CaseResult r = run_case_text("    scripted: client\n",
                                     "      - handshake: success\n"
                                     "      - tamper: {record: alert, action: flip_last_byte}\n"
                                     "      - exchange: data\n");
  EXPECT_EQ(r.verdict, Verdict::not_delivered) << r.reason;
  EXPECT_EQ(r.reason, "our side never sent alert record #0 the tamper was armed for");
  const CaseResult fired =
      run_case_text("    scripted: client\n",
                    "      - handshake: success\n"
                    "      - tamper: {record: application_data, action: flip_last_byte}\n"
                    "      - send: {data: x, expect: {alert: bad_record_mac}}\n");
  EXPECT_EQ(fired.verdict, Verdict::pass) << fired.reason;
}

// A case that says it offers a session must have offered it: our engine
// will not offer one whose suite it no longer lists, unless told to.
TEST(DeliveryTest, AResumptionThatOffersNoSessionIsNotDelivered) {
  const auto with = [](const std::string& bugs) {
    return run_case_text("    scripted: client\n    peer: {tickets: false}\n",
                         "      - handshake: success\n"
                         "      - reconnect: {resume: true, suites: [AES256-SHA]" + bugs + "}\n"
                         "      - handshake: {expect: success, resumed: false}\n");
  };
  const CaseResult silent = with("");
  EXPECT_EQ(silent.verdict, Verdict::not_delivered);
  EXPECT_EQ(silent.reason, "the reconnecting ClientHello offered no session") << silent.reason;
  const CaseResult offered = with(", bugs: {offer_session_anyway: true}");
  EXPECT_EQ(offered.verdict, Verdict::pass) << offered.reason;
  EXPECT_TRUE(has_line(offered, "offered the session by its ID"));
}

// With the session in a ticket, the ticket itself must go out (RFC 5077
// §3.4), not a session ID alone.
TEST(DeliveryTest, ATicketResumptionPresentsTheTicket) {
  const CaseResult r =
      run_case_text("    scripted: client\n    peer: {tickets: true}\n",
                    "      - handshake: success\n"
                    "      - reconnect: {resume: true, suites: [AES256-SHA], "
                    "bugs: {offer_session_anyway: true}}\n"
                    "      - handshake: {not_resumed: [illegal_parameter, handshake_failure]}\n");
  EXPECT_EQ(r.verdict, Verdict::pass) << r.reason;
  EXPECT_TRUE(has_line(r, "offered the session in its ticket"));
}

// A server that declines every renegotiation never judged the SCSV our
// renegotiating hello carries (RFC 5746 §3.7).
TEST(DeliveryTest, ADeclinedRenegotiationIsNotDelivered) {
  const std::string steps = "      - handshake: success\n"
                            "      - renegotiate: {alert: handshake_failure}\n";
  const std::string bugs = "    bugs: {cipher_suites: [AES128-SHA, 0x00ff]}\n";
  const CaseResult declined =
      run_case_text("    scripted: client\n    sut: {renegotiation: refuse}\n" + bugs, steps);
  EXPECT_EQ(declined.verdict, Verdict::not_delivered) << declined.reason;
  EXPECT_NE(declined.reason.find("declined the renegotiation"), std::string::npos) << declined.reason;
  const CaseResult judged = run_case_text("    scripted: client\n" + bugs, steps);
  EXPECT_EQ(judged.verdict, Verdict::pass) << judged.reason;
}

// A tamper in `bugs` counts from the connection's first record, so it can
// reach our ClientHello; one naming a message our side never sends (no
// CertificateVerify without a certificate request) is not delivered.
TEST(DeliveryTest, ATamperFromTheStartReachesTheClientHello) {
  const CaseResult r = run_case_text(
      "    scripted: client\n    bugs: {tamper: {message: client_hello, action: change_type}}\n",
      "      - handshake: {alert: unexpected_message}\n");
  EXPECT_EQ(r.verdict, Verdict::pass) << r.reason;
  const CaseResult never = run_case_text(
      "    scripted: client\n    bugs: {tamper: {message: certificate_verify, action: change_type}}\n",
      "      - handshake: success\n");
  EXPECT_EQ(never.verdict, Verdict::not_delivered) << never.reason;
  EXPECT_EQ(never.reason, "our side never sent the record opening certificate_verify #0 the tamper was armed for");
}

TEST(DeliveryTest, NotDeliveredIsNeitherPassNorRegression) {
  CaseResult r;
  r.id = "t/s[TLSv1.2,AES128-SHA]";
  r.target = "self";
  r.verdict = Verdict::not_delivered;
  r.reason = "our side never sent alert record #0 the tamper was armed for";
  KnownFailures listed{"self", {{"t/*", "fails", {}}}};
  EXPECT_EQ(classify(r, nullptr, false), Outcome::not_delivered);
  EXPECT_EQ(classify(r, &listed, false), Outcome::not_delivered);
  EXPECT_FALSE(is_regression(Outcome::not_delivered));
  const std::vector<Scored> scored{{&r, Outcome::not_delivered, ""}};
  const std::string table = summary_table(scored);
  EXPECT_NE(table.find("not delivered"), std::string::npos) << table;
  const std::string junit = testing::TempDir() + "/nd.xml", json = testing::TempDir() + "/nd.json";
  ASSERT_TRUE(write_junit(junit, scored));
  ASSERT_TRUE(write_json(json, scored));
  std::stringstream x, j;
  x << std::ifstream(junit).rdbuf();
  j << std::ifstream(json).rdbuf();
  EXPECT_NE(x.str().find("<skipped message=\"not delivered: our side never sent alert"),
            std::string::npos)
      << x.str();
  EXPECT_NE(j.str().find("\"outcome\": \"not delivered\""), std::string::npos) << j.str();
}

// Every `bugs` key rides in a message the runner watches, or goes out with
// every record or hello.
TEST(DeliveryTest, EveryBugsKeyHasItsCarrier) {
  // rewrite_in_flight and hello_edits_in change how the hello knobs go
  // out; session_id_length sets session_id; a tamper is watched by its
  // record.
  const std::set<std::string_view> elsewhere{"record_version",    "handshake_fragment",
                                             "coalesce_handshake", "rewrite_in_flight",
                                             "hello_edits_in",    "session_id_length",
                                             "tamper"};
  for (const auto& key : bugs_keys()) {
    EXPECT_TRUE(rides_in_a_message(key.key) || elsewhere.contains(key.key)) << key.key;
  }
}

}  // namespace
}  // namespace gauntlet::conformance
