// The runner against our own engine: a scenario that holds passes, and one
// whose expectation is wrong fails or is lenient, so the runner can tell.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "conformance/report/artifacts.h"
#include "conformance/report/report.h"
#include "conformance/runner/executor.h"
#include "conformance/steps/expect.h"
#include "conformance/runner/known_failures.h"
#include "conformance/runner/matrix.h"
#include "conformance/runner/response_groups.h"
#include "conformance/runner/sent_hello.h"
#include "engine/connection/connection.h"
#include "conformance/scenario/loader.h"
#include "conformance/targets/openssl_target.h"
#include "conformance/targets/self_target.h"

namespace gauntlet::conformance {
namespace {

CaseResult run_one(const std::string& steps, const std::string& extra = "",
                   CipherSuite suite = CipherSuite::rsa_with_aes_128_cbc_sha) {
  const std::string text = "family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n"
                           "    scripted: client\n" + extra + "    steps:\n" + steps;
  auto r = load_family_text(text, "t.yaml");
  EXPECT_TRUE(r) << r.error().reason;
  static std::vector<Scenario> keep;
  keep = std::move(r).value();
  const SelfTarget self{Pki{}};
  return run_case({&keep.front(), ProtocolVersion::tls12, suite}, self, RunSettings{});
}

TEST(RunnerTest, PlainHandshakeAndData) {
  const CaseResult r = run_one("      - handshake: success\n      - exchange: data\n"
                               "      - close: close_notify\n");
  EXPECT_EQ(r.verdict, Verdict::pass) << r.reason;
  EXPECT_FALSE(r.keylog.empty());
  EXPECT_FALSE(r.wire.empty());
}

TEST(RunnerTest, WrongExpectationsFail) {
  EXPECT_EQ(run_one("      - handshake: {alert: handshake_failure}\n").verdict, Verdict::fail);
  EXPECT_EQ(run_one("      - handshake: {expect: success, resumed: true}\n").verdict, Verdict::fail);
  // A broken Finished draws decrypt_error; expecting another alert is lenient.
  EXPECT_EQ(run_one("      - handshake: {alert: decrypt_error}\n", "    bugs: {corrupt_finished: true}\n")
                .verdict,
            Verdict::pass);
  EXPECT_EQ(run_one("      - handshake: {alert: bad_record_mac}\n", "    bugs: {corrupt_finished: true}\n")
                .verdict,
            Verdict::lenient);
  EXPECT_EQ(run_one("      - handshake: success\n", "    bugs: {corrupt_finished: true}\n").verdict,
            Verdict::fail);
}

TEST(RunnerTest, ExpectedMessages) {
  EXPECT_EQ(run_one("      - handshake: {message: server_hello_done}\n      - handshake: success\n")
                .verdict,
            Verdict::pass);
  // RSA key exchange: no ServerKeyExchange (RFC 5246 §7.4.3).
  const CaseResult r = run_one("      - handshake: {message: server_key_exchange}\n");
  EXPECT_EQ(r.verdict, Verdict::fail);
  EXPECT_NE(r.reason.find("messages: server_hello, certificate, server_hello_done"), std::string::npos)
      << r.reason;
}

TEST(RunnerTest, TamperedRecordIsCaught) {
  const CaseResult r = run_one(
      "      - handshake: success\n"
      "      - tamper: {record: application_data, action: flip_last_byte}\n"
      "      - send: {data: ping, expect: {alert: bad_record_mac}}\n",
      "", CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256);
  EXPECT_EQ(r.verdict, Verdict::pass) << r.reason;
}

TEST(RunnerTest, ResumptionBySessionId) {
  const CaseResult r = run_one("      - handshake: success\n      - reconnect: {resume: true}\n"
                               "      - handshake: {expect: success, resumed: true}\n",
                               "    peer: {tickets: false}\n");
  EXPECT_EQ(r.verdict, Verdict::pass) << r.reason;
}

TEST(RunnerTest, SentClientHelloIsReadBack) {
  auto c = std::make_shared<Config>();
  Connection client = Connection::client(c, {"localhost", std::nullopt});
  const Bytes flight = client.take_output();
  const auto hello = sent_client_hello(flight);
  ASSERT_TRUE(hello);
  // A default Config offers TLS 1.3 in middlebox compatibility mode: a
  // 32-byte legacy_session_id (RFC 8446 D.4).
  EXPECT_EQ(hello->session_id.size(), 32u);
  EXPECT_FALSE(sent_client_hello(ByteView(flight).first(flight.size() - 1)));
}

// A plain handshake at TLS 1.2, for the matrix tests.
Case plain_case() {
  static const std::vector<Scenario> family =
      load_family_text("family: t\nscenarios:\n  - {name: s, description: d, rfc: r, scripted: client,\n"
                       "     steps: [{handshake: success}]}\n",
                       "t.yaml")
          .value();
  return {&family.front(), ProtocolVersion::tls12, CipherSuite::rsa_with_aes_128_cbc_sha};
}

// Counts the cases it sees at once; each is a skip that takes 20 ms.
class CountingTarget final : public Target {
 public:
  explicit CountingTarget(bool serial) : serial_(serial) {}
  std::string name() const override { return serial_ ? "serial" : "parallel"; }
  std::optional<std::string> cannot_run(const Case&) const override {
    const int now = ++active_;
    for (int seen = most_; now > seen && !most_.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --active_;
    return "counted";
  }
  Result<std::unique_ptr<SutInstance>> start(const Case&, net::Deadline) const override {
    return internal_error("never started");
  }
  std::optional<std::string> one_at_a_time() const override {
    return serial_ ? std::optional<std::string>("one connection at a time") : std::nullopt;
  }
  int most() const { return most_; }

 private:
  bool serial_;
  mutable std::atomic<int> active_{0}, most_{0};
};

// A server that serves one connection at a time fails whichever case waits
// behind another: such a target gets its cases one at a time whatever -j.
TEST(MatrixTest, AOneAtATimeTargetSeesOneCaseAtATime) {
  const std::vector<Case> cases(8, plain_case());
  const CountingTarget serial(true), parallel(false);
  run_matrix(cases, {&serial}, RunSettings{}, 4, nullptr);
  run_matrix(cases, {&parallel}, RunSettings{}, 4, nullptr);
  EXPECT_EQ(serial.most(), 1);
  EXPECT_GT(parallel.most(), 1);
}

// Records how long it was given to start; took `handshake` for a full
// handshake when profiled.
class SlowTarget final : public Target {
 public:
  explicit SlowTarget(std::chrono::milliseconds handshake) : handshake_(handshake) {}
  std::string name() const override { return "slow"; }
  std::optional<std::string> cannot_run(const Case&) const override { return std::nullopt; }
  Result<std::unique_ptr<SutInstance>> start(const Case&, net::Deadline deadline) const override {
    given_ = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - net::Clock::now());
    return internal_error("not started");
  }
  std::chrono::milliseconds handshake_time() const override { return handshake_; }
  std::chrono::milliseconds given() const { return given_; }

 private:
  std::chrono::milliseconds handshake_;
  mutable std::chrono::milliseconds given_{0};
};

// A fixed 5 s wait fails a slow but correct peer: waits grow to four of
// its measured handshakes, and never shrink below --timeout.
TEST(MatrixTest, WaitsGrowWithThePeersHandshakeTime) {
  const std::vector<Case> cases{plain_case()};
  RunSettings settings;
  settings.timeout = std::chrono::milliseconds(100);
  const SlowTarget slow(std::chrono::milliseconds(2000)), quick(std::chrono::milliseconds(5));
  run_matrix(cases, {&slow, &quick}, settings, 1, nullptr);
  EXPECT_GT(slow.given(), std::chrono::milliseconds(7000));
  EXPECT_LE(quick.given(), std::chrono::milliseconds(100));
  EXPECT_GT(quick.given(), std::chrono::milliseconds(50));
}

TEST(JudgeTest, NotResumedTakesAFullHandshakeOrHandshakeFailure) {
  Expect e;
  e.kind = Expect::Kind::not_resumed;
  e.alerts = {AlertDescription::handshake_failure};
  Seen full;
  full.step_done = true;
  EXPECT_EQ(judge(e, full).verdict, Verdict::pass);
  Seen resumed = full;
  resumed.resumed = true;
  EXPECT_EQ(judge(e, resumed).verdict, Verdict::fail);
  Seen aborted;
  aborted.sut_alert = AlertDescription::handshake_failure;
  EXPECT_EQ(judge(e, aborted).verdict, Verdict::pass);
  aborted.sut_alert = AlertDescription::internal_error;
  EXPECT_EQ(judge(e, aborted).verdict, Verdict::lenient);
}

TEST(JudgeTest, StrictAndLenient) {
  Expect alert;
  alert.kind = Expect::Kind::alert;
  alert.alerts = {AlertDescription::bad_record_mac};
  Seen seen;
  seen.sut_alert = AlertDescription::bad_record_mac;
  EXPECT_EQ(judge(alert, seen).verdict, Verdict::pass);
  seen.sut_alert = AlertDescription::decode_error;
  EXPECT_EQ(judge(alert, seen).verdict, Verdict::lenient);
  // Where the RFC leaves the choice, either alert passes.
  alert.alerts.push_back(AlertDescription::decode_error);
  EXPECT_EQ(judge(alert, seen).verdict, Verdict::pass);
  EXPECT_EQ(describe(alert), "alert bad_record_mac or decode_error");
  alert.alerts.pop_back();
  seen.sut_alert.reset();
  seen.sut_closed = true;
  EXPECT_EQ(judge(alert, seen).verdict, Verdict::lenient);
  seen.scripted_error = "we gave up";
  EXPECT_EQ(judge(alert, seen).verdict, Verdict::fail);
  Expect failure;
  failure.kind = Expect::Kind::failure;
  EXPECT_EQ(judge(failure, seen).verdict, Verdict::fail);
}

// What else the RFC permits is the scenario's: an accepted outcome passes
// and one against a SHOULD is a warning, each with the RFC's words; either
// settles the case. Anything else is judged as before.
Expect of(Expect::Kind kind) {
  Expect e;
  e.kind = kind;
  return e;
}

TEST(JudgeTest, AcceptedOutcomes) {
  Expect e;
  e.kind = Expect::Kind::nothing;
  e.accepted = {{of(Expect::Kind::fatal_alert), false, "it may end with a fatal alert"},
                {of(Expect::Kind::closed), true, "it SHOULD send a fatal alert"}};
  Seen up;
  EXPECT_EQ(judge(e, up).verdict, Verdict::pass);
  EXPECT_FALSE(judge(e, up).settled);
  Seen alert = up;
  alert.alive = false;
  alert.sut_alert = AlertDescription::internal_error;
  const Judgement by_alert = judge(e, alert);
  EXPECT_EQ(by_alert.verdict, Verdict::pass);
  EXPECT_TRUE(by_alert.settled);
  EXPECT_EQ(by_alert.detail, "saw alert internal_error, which the RFC permits: it may end with a fatal alert");
  Seen closed = up;
  closed.alive = false;
  closed.sut_closed = true;
  const Judgement by_close = judge(e, closed);
  EXPECT_EQ(by_close.verdict, Verdict::warning);
  EXPECT_TRUE(by_close.settled);
  EXPECT_NE(by_close.detail.find("against a SHOULD: it SHOULD send a fatal alert"), std::string::npos);
  closed.scripted_error = "we gave up";
  EXPECT_EQ(judge(e, closed).verdict, Verdict::fail);
  // An accepted refusal with another alert than the one it names: lenient.
  Expect hello;
  hello.kind = Expect::Kind::success;
  Expect refusal = of(Expect::Kind::alert);
  refusal.alerts = {AlertDescription::protocol_version};
  hello.accepted = {{refusal, false, "it MUST send protocol_version"}};
  EXPECT_EQ(judge(hello, alert).verdict, Verdict::lenient);
  alert.sut_alert = AlertDescription::protocol_version;
  EXPECT_EQ(judge(hello, alert).verdict, Verdict::pass);
  EXPECT_EQ(describe(e), "no alert, the connection up; or, as the RFC permits, a fatal alert; "
                         "or, as the RFC permits, a close without a fatal alert");
}

// `rejected`: refused before the SUT sent any handshake message.
TEST(JudgeTest, RejectedIsARefusalBeforeAnyMessage) {
  const Expect e = of(Expect::Kind::rejected);
  Seen seen;
  seen.alive = false;
  seen.sut_alert = AlertDescription::handshake_failure;
  EXPECT_EQ(judge(e, seen).verdict, Verdict::pass);
  seen.messages = {HandshakeType::server_hello};
  EXPECT_EQ(judge(e, seen).verdict, Verdict::fail);
}

// A second HelloRetryRequest (our client aborts on it, RFC 8446 §4.1.4) is
// an outcome of its own: named in the reason, accepted where a scenario
// says the RFC permits it, never a pass for an expectation it does not meet.
TEST(JudgeTest, AnotherRetryIsNamed) {
  Seen seen;
  seen.alive = false;
  seen.scripted_error = "unexpected_message: a second HelloRetryRequest";
  seen.hello_retries = 2;
  EXPECT_EQ(judge(of(Expect::Kind::another_retry), seen).verdict, Verdict::pass);
  Expect alert = of(Expect::Kind::alert);
  alert.alerts = {AlertDescription::illegal_parameter};
  const Judgement refused = judge(alert, seen);
  EXPECT_EQ(refused.verdict, Verdict::fail);
  EXPECT_NE(refused.detail.find("saw another HelloRetryRequest in answer to our second ClientHello"),
            std::string::npos)
      << refused.detail;
  alert.accepted = {{of(Expect::Kind::another_retry), false, "a stateless server may"}};
  const Judgement accepted = judge(alert, seen);
  EXPECT_EQ(accepted.verdict, Verdict::pass);
  EXPECT_TRUE(accepted.settled);
  EXPECT_EQ(describe(alert),
            "alert illegal_parameter; or, as the RFC permits, another HelloRetryRequest");
  // One retry, then our own abort for another reason: not this outcome.
  seen.hello_retries = 1;
  EXPECT_EQ(judge(of(Expect::Kind::another_retry), seen).verdict, Verdict::fail);
  EXPECT_EQ(describe(seen).find("another HelloRetryRequest"), std::string::npos);
}

// libssl's stateless server (SSL_stateless) takes a second ClientHello
// without its cookie for a first one and asks for a retry again: the case
// says so, and passes only where the scenario accepts it.
TEST(RunnerTest, AnotherRetryFromAStatelessServer) {
  const auto run_dropping_the_cookie = [](const std::string& accept) {
    auto r = load_family_text(
        "family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n"
        "    scripted: client\n    versions: [tls1.3]\n    sut: {hello_retry: true}\n"
        "    peer: {middlebox_compat: false}\n"
        "    bugs: {hello_edits_in: second, drop_extensions: [44]}\n"
        "    steps:\n      - handshake:\n          expect: {alert: illegal_parameter}\n" +
            accept,
        "t.yaml");
    EXPECT_TRUE(r) << r.error().reason;
    static std::vector<Scenario> keep;
    keep = std::move(r).value();
    return run_case({&keep.front(), ProtocolVersion::tls13, CipherSuite::aes_128_gcm_sha256},
                    OpenSslTarget{Pki{}}, RunSettings{});
  };
  const CaseResult unaccepted = run_dropping_the_cookie("");
  EXPECT_EQ(unaccepted.verdict, Verdict::fail);
  EXPECT_NE(unaccepted.reason.find("saw another HelloRetryRequest"), std::string::npos)
      << unaccepted.reason;
  const CaseResult accepted = run_dropping_the_cookie(
      "          accept: [{outcome: another_retry, because: a stateless server may}]\n");
  EXPECT_EQ(accepted.verdict, Verdict::pass) << accepted.reason;
}

// Silence where the SUT had to end the connection is judged only after a
// probe of a server that answers data: no answer proves the connection
// over (a refusal without an alert: lenient where an alert is named), an
// answer that it went on; silence alone stays a failure.
TEST(JudgeTest, SilenceIsJudgedByTheProbe) {
  const Expect failure = of(Expect::Kind::failure);
  Expect alert = of(Expect::Kind::alert);
  alert.alerts = {AlertDescription::decode_error};
  Seen silent;
  silent.step_done = true;
  silent.handshakes = 1;
  silent.silent = true;
  EXPECT_EQ(judge(failure, silent).verdict, Verdict::fail);
  Seen over = silent;
  over.probe = Probe::unanswered;
  EXPECT_EQ(judge(failure, over).verdict, Verdict::pass);
  EXPECT_EQ(judge(alert, over).verdict, Verdict::lenient);
  EXPECT_EQ(describe(over),
            "silence until the timeout, then, to application data sent as a probe (the server "
            "answers data), silence again: the TLS connection is over, without an alert or a close");
  Seen went_on = silent;
  went_on.probe = Probe::answered;
  went_on.data = true;
  EXPECT_EQ(judge(failure, went_on).verdict, Verdict::fail);
  EXPECT_NE(describe(went_on).find("application data back: the connection went on"), std::string::npos);
  Seen refused = silent;
  refused.probe = Probe::refused;
  refused.sut_alert = AlertDescription::unexpected_message;
  EXPECT_EQ(judge(failure, refused).verdict, Verdict::pass);
  EXPECT_NE(describe(refused).find("probe (the server answers data), alert unexpected_message"),
            std::string::npos);
}

// At a case's last step the probe goes out at once; the reason says so.
TEST(JudgeTest, AProbeSentAtOnceIsNamed) {
  Expect alert = of(Expect::Kind::alert);
  alert.alerts = {AlertDescription::illegal_parameter};
  Seen went_on;
  went_on.step_done = true;
  went_on.handshakes = 1;
  went_on.data = true;
  went_on.probe = Probe::answered;
  went_on.probed_at_once = true;
  EXPECT_EQ(judge(alert, went_on).verdict, Verdict::fail);
  EXPECT_EQ(describe(went_on),
            "the handshake completed, then, to application data sent at once as a probe (the server "
            "answers data and reads our records in order), application data back: the connection went on");
}

// "nothing" holds after twenty of the SUT's first answers, within 100 ms
// and the configured quiet; the configured quiet until it has answered.
TEST(QuietTest, FollowsTheSutsFirstAnswer) {
  using namespace std::chrono_literals;
  const RunSettings s;
  EXPECT_EQ(quiet_for(std::nullopt, s), s.quiet);
  EXPECT_EQ(quiet_for(1ms, s), kMinQuiet);
  EXPECT_EQ(quiet_for(8ms, s), 160ms);
  EXPECT_EQ(quiet_for(2s, s), s.quiet);
  RunSettings short_quiet;
  short_quiet.quiet = 50ms;
  EXPECT_EQ(quiet_for(1ms, short_quiet), 50ms);
}

// Against our engine, which answers data: a TLS 1.2 warning alert of an
// unknown description is ignored (RFC 5246 §7.2), so a step expecting the
// connection to end meets silence, and the probe finds the connection up.
TEST(RunnerTest, AProbeFindsAConnectionThatWentOn) {
  const CaseResult r = run_one("      - handshake: success\n"
                               "      - alert: {level: warning, description: 254, expect: failure}\n");
  EXPECT_EQ(r.verdict, Verdict::fail) << r.reason;
  EXPECT_NE(r.reason.find("application data back: the connection went on"), std::string::npos)
      << r.reason;
  EXPECT_NE(std::ranges::find(r.transcript,
                              "  silence: probing with application data (the SUT answers data)"),
            r.transcript.end());
}

// A case settled by an accepted outcome runs no further step, and a SHOULD
// departure is a warning: not a pass, never a regression.
TEST(RunnerTest, AnAcceptedOutcomeSettlesTheCase) {
  // A handshake expecting `expect`, accepting `accept`, then a step that fails if run.
  const auto run_accepting = [](const std::string& expect, const std::string& accept) {
    return run_one("      - handshake:\n          expect: " + expect + "\n          accept: [" + accept +
                   "]\n      - exchange: {alert: decode_error}\n");
  };
  const CaseResult r = run_accepting("{alert: bad_record_mac}",
                                     "{outcome: success, breaks_should: true, because: words of the RFC}");
  EXPECT_EQ(r.verdict, Verdict::warning) << r.reason;
  EXPECT_NE(r.reason.find("step 1"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("words of the RFC"), std::string::npos) << r.reason;
  EXPECT_EQ(classify(r, nullptr, false), Outcome::warning);
  EXPECT_FALSE(is_regression(Outcome::warning));
  const CaseResult unsettled = run_accepting("success", "{outcome: failure, because: words of the RFC}");
  EXPECT_EQ(unsettled.verdict, Verdict::fail) << unsettled.reason;
  EXPECT_NE(unsettled.reason.find("step 2"), std::string::npos) << unsettled.reason;
}

TEST(KnownFailuresTest, ClassifiesAndNamesLines) {
  const std::string path = testing::TempDir() + "/openssl.yaml";
  std::ofstream(path) << "target: openssl\nknown_failures:\n  - cases: \"records/*[TLSv1,*\"\n"
                         "    reason: answers decode_error\n";
  auto k = load_known_failures(path);
  ASSERT_TRUE(k) << k.error().reason;
  CaseResult r;
  r.id = "records/x[TLSv1,AES128-SHA]";
  r.verdict = Verdict::fail;
  EXPECT_EQ(classify(r, &*k, false), Outcome::known_failure);
  r.verdict = Verdict::pass;
  EXPECT_EQ(classify(r, &*k, false), Outcome::unexpected_pass);
  r.id = "records/x[TLSv1.2,AES128-SHA]";
  r.verdict = Verdict::lenient;
  EXPECT_EQ(classify(r, &*k, false), Outcome::lenient_fail);
  EXPECT_TRUE(is_regression(Outcome::lenient_fail));
  EXPECT_EQ(classify(r, &*k, true), Outcome::lenient);
  EXPECT_FALSE(is_regression(Outcome::lenient));
  std::ofstream(path) << "target: openssl\nknown_failures:\n  - cases: x\n";
  EXPECT_EQ(load_known_failures(path).error().reason,
            path + ":3: each known failure has 'cases' (a pattern) and 'reason'");
}

TEST(ArtifactsTest, PcapKeysAndTranscript) {
  const CaseResult r = run_one("      - handshake: {alert: bad_record_mac}\n");
  ASSERT_EQ(r.verdict, Verdict::fail);
  const std::string dir = testing::TempDir() + "/artifacts";
  ASSERT_TRUE(write_artifacts(dir, r));
  const std::string stem = dir + "/self/" + artifact_name(r.id);
  std::ifstream pcap(stem + ".pcap", std::ios::binary);
  uint32_t magic = 0;
  pcap.read(reinterpret_cast<char*>(&magic), sizeof magic);
  EXPECT_EQ(magic, 0xa1b2c3d4u);  // libpcap's, in this machine's byte order
  EXPECT_GT(std::filesystem::file_size(stem + ".pcap"), 200u);
  EXPECT_GT(std::filesystem::file_size(stem + ".keys"), 0u);
  // Secrets: readable by their owner only.
  EXPECT_EQ(std::filesystem::status(stem + ".keys").permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::ifstream text(stem + ".txt");
  std::string first;
  std::getline(text, first);
  EXPECT_EQ(first, "t/s[TLSv1.2,AES128-SHA] against self: fail");
}

TEST(ResponseGroupsTest, ADifferentResponseFails) {
  std::vector<CaseResult> rs(3);
  for (size_t i = 0; i < rs.size(); ++i) {
    rs[i].id = "k/p" + std::to_string(i);
    rs[i].target = "self";
    rs[i].group = "bleichenbacher[TLSv1.2,AES128-SHA]";
    rs[i].response = "alert bad_record_mac";
  }
  rs[2].response = "alert decrypt_error";
  check_response_groups(rs);
  EXPECT_EQ(rs[0].verdict, Verdict::pass);
  EXPECT_EQ(rs[1].verdict, Verdict::pass);
  EXPECT_EQ(rs[2].verdict, Verdict::fail);
  EXPECT_NE(rs[2].reason.find("where k/p0 drew «alert bad_record_mac»"), std::string::npos);
  // Another target or version is another group.
  rs[2].verdict = Verdict::pass;
  rs[2].target = "openssl";
  check_response_groups(rs);
  EXPECT_EQ(rs[2].verdict, Verdict::pass);
}

TEST(ReportTest, JunitJsonAndTable) {
  const CaseResult good = run_one("      - handshake: success\n");
  const CaseResult bad = run_one("      - handshake: {alert: bad_record_mac}\n");
  const std::vector<Scored> scored{{&good, Outcome::pass, ""}, {&bad, Outcome::fail, ""}};
  const std::string junit = testing::TempDir() + "/r.xml", json = testing::TempDir() + "/r.json";
  ASSERT_TRUE(write_junit(junit, scored));
  ASSERT_TRUE(write_json(json, scored));
  std::stringstream x, j;
  x << std::ifstream(junit).rdbuf();
  j << std::ifstream(json).rdbuf();
  EXPECT_NE(x.str().find("<testsuite name=\"self\" tests=\"2\" failures=\"1\""), std::string::npos)
      << x.str();
  EXPECT_NE(x.str().find("<failure message=\"step 1 (t.yaml:8)"), std::string::npos) << x.str();
  EXPECT_NE(j.str().find("\"outcome\": \"FAIL\""), std::string::npos);
  const std::string table = summary_table(scored);
  EXPECT_NE(table.find("FAIL self t/s (1 case; r)\n    d\n    [TLSv1.2,AES128-SHA] step 1 (t.yaml:8)"),
            std::string::npos)
      << table;
}

// Failures of one scenario are one block: its RFC section and meaning once,
// each distinct reason once with the versions and suites that drew it.
TEST(ReportTest, FailuresAreGroupedByScenario) {
  std::vector<CaseResult> rs(3);
  for (size_t i = 0; i < rs.size(); ++i) {
    rs[i].target = "t";
    rs[i].rfc = "RFC 5246 §6.2.1";
    rs[i].description = "A split alert. Then more words.";
    rs[i].rule = "RFC 5246 §6.2.1: \"...\"";
    rs[i].reason = i < 2 ? "saw alert unexpected_message" : "saw silence";
  }
  rs[0].id = "alerts/split[TLSv1.2,AES128-SHA]";
  rs[1].id = "alerts/split[TLSv1.2,AES128-GCM-SHA256]";
  rs[2].id = "alerts/split[TLSv1.1,AES128-SHA]";
  const std::vector<Scored> scored{{&rs[0], Outcome::fail, ""}, {&rs[1], Outcome::fail, ""},
                                   {&rs[2], Outcome::fail, ""}};
  const std::string table = summary_table(scored);
  EXPECT_NE(table.find("FAIL t alerts/split (3 cases; RFC 5246 §6.2.1)\n"
                       "    A split alert.\n"
                       "    the RFC: RFC 5246 §6.2.1: \"...\"\n"
                       "    [TLSv1.2,AES128-SHA][TLSv1.2,AES128-GCM-SHA256] saw alert unexpected_message\n"
                       "    [TLSv1.1,AES128-SHA] saw silence\n"),
            std::string::npos)
      << table;
}

// --compare: only cases every target judged; where the verdicts differ,
// one block per scenario and way of differing, each target's side by side.
TEST(ReportTest, DifferentialShowsWhereTargetsDisagree) {
  std::vector<CaseResult> rs(6);
  const auto set = [&rs](size_t i, std::string id, std::string target, Verdict v, std::string saw) {
    rs[i].id = std::move(id);
    rs[i].target = std::move(target);
    rs[i].verdict = v;
    rs[i].response = std::move(saw);
  };
  set(0, "alerts/split[TLSv1.2,AES128-SHA]", "a", Verdict::fail, "alert unexpected_message");
  set(1, "alerts/split[TLSv1.2,AES128-SHA]", "b", Verdict::pass, "close_notify");
  set(2, "alerts/split[TLSv1.1,AES128-SHA]", "a", Verdict::fail, "alert unexpected_message");
  set(3, "alerts/split[TLSv1.1,AES128-SHA]", "b", Verdict::pass, "close_notify");
  set(4, "records/x[TLSv1.2,AES128-SHA]", "a", Verdict::pass, "alert bad_record_mac");
  set(5, "records/x[TLSv1.2,AES128-SHA]", "b", Verdict::skip, "");
  std::vector<Scored> scored;
  for (const CaseResult& r : rs) scored.push_back({&r, Outcome::pass, ""});
  EXPECT_EQ(differential(scored),
            "differential: 2 of the 2 cases every target judged differ\n"
            "  alerts/split [TLSv1.2,AES128-SHA][TLSv1.1,AES128-SHA]\n"
            "      a                fail     alert unexpected_message\n"
            "      b                pass     close_notify\n");
  rs[1].verdict = Verdict::fail;
  rs[3].verdict = Verdict::fail;
  EXPECT_EQ(differential(scored), "differential: 0 of the 2 cases every target judged differ\n");
}

TEST(ReportTest, JunitTellsErrorsFromFailures) {
  CaseResult unreachable;
  unreachable.id = "t/s[TLSv1.2,AES128-SHA]";
  unreachable.target = "host:1";
  unreachable.verdict = Verdict::error;
  unreachable.reason = "could not reach the SUT";
  const std::vector<Scored> scored{{&unreachable, Outcome::error, ""}};
  const std::string junit = testing::TempDir() + "/e.xml";
  ASSERT_TRUE(write_junit(junit, scored));
  std::stringstream x;
  x << std::ifstream(junit).rdbuf();
  EXPECT_NE(x.str().find("failures=\"0\" errors=\"1\""), std::string::npos) << x.str();
  EXPECT_NE(x.str().find("<error message=\"could not reach the SUT\">"), std::string::npos) << x.str();
}

}  // namespace
}  // namespace gauntlet::conformance
