// Process targets against real tools on loopback: a server process is kept
// for the next case of the same flags and replaced when it died or a case
// left it unsettled; a client run per connection carries its session only
// past a clean close, so a stack's session a fatal alert ended is never
// offered (RFC 5246 §7.2.2); gnutls-cli --resume runs what it can express.
#include <gtest/gtest.h>

#include "conformance/runner/executor.h"
#include "conformance/runner/sent_hello.h"
#include "conformance/scenario/loader.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/record/record_header.h"
#include "conformance/targets/process_target.h"
#include "conformance/targets/server_pool.h"

namespace gauntlet::conformance {
namespace {

using namespace std::chrono_literals;

// A stand-in server: prints that it is ready and lives for `seconds`.
ServerPool::Argv sleeper(const std::string& seconds, const std::string& tag) {
  return [seconds, tag](uint16_t) {
    return std::vector<std::string>{"sh", "-c", "echo ready; exec sleep " + seconds, tag};
  };
}

// One case's use of the pool, ended as `settled` says.
void use(ServerPool& pool, const ServerPool::Argv& argv, bool settled) {
  auto sut = pool.acquire(argv, net::deadline_in(5s));
  ASSERT_TRUE(sut.ok()) << sut.error().reason;
  (void)(*sut)->finish(settled);
}

TEST(ServerPool, TheSameFlagsReuseOneServer) {
  auto pool = ServerPool::make("t", "ready", 4);
  use(*pool, sleeper("30", "a"), true);
  use(*pool, sleeper("30", "a"), true);
  EXPECT_EQ(pool->started(), 1u);
  use(*pool, sleeper("30", "b"), true);  // other flags, another server
  EXPECT_EQ(pool->started(), 2u);
  use(*pool, sleeper("30", "a"), true);
  EXPECT_EQ(pool->started(), 2u);
}

TEST(ServerPool, AnUnsettledCaseLeavesNoServerBehind) {
  auto pool = ServerPool::make("t", "ready", 4);
  use(*pool, sleeper("30", "a"), false);
  use(*pool, sleeper("30", "a"), true);
  EXPECT_EQ(pool->started(), 2u);
}

TEST(ServerPool, ADeadServerIsReplaced) {
  auto pool = ServerPool::make("t", "ready", 4);
  use(*pool, sleeper("0.2", "a"), true);
  std::this_thread::sleep_for(500ms);
  use(*pool, sleeper("0.2", "a"), true);
  EXPECT_EQ(pool->started(), 2u);
}

TEST(ServerPool, TwoCasesAtOnceGetTwoServers) {
  auto pool = ServerPool::make("t", "ready", 4);
  auto one = pool->acquire(sleeper("30", "a"), net::deadline_in(5s));
  auto two = pool->acquire(sleeper("30", "a"), net::deadline_in(5s));
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(pool->started(), 2u);
}

TEST(ServerPool, ServerThatNeverGetsReadyIsBounded) {
  auto pool = ServerPool::make("t", "ready", 4);
  const auto start = std::chrono::steady_clock::now();
  auto sut = pool->acquire([](uint16_t) { return std::vector<std::string>{"sleep", "30"}; },
                           net::deadline_in(300ms));
  EXPECT_FALSE(sut.ok());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> s =
      load_family_text(R"(family: t
scenarios:
  - name: plain
    description: d
    rfc: r
    scripted: client
    steps:
      - handshake: success
      - exchange: data
  - name: resumed-server
    description: d
    rfc: r
    scripted: server
    steps:
      - handshake: success
      - reconnect: {resume: true}
      - handshake: {expect: success, resumed: true}
      - exchange: data
  - name: bad-mac-then-reconnect
    description: d
    rfc: r
    scripted: server
    peer: {encrypt_then_mac: false}
    steps:
      - handshake: success
      - record: {type: application_data, data: "x", mac: flipped, expect: {alert: bad_record_mac}}
      - reconnect: {resume: true}
      - handshake: {expect: success, resumed: false}
  - name: unknown-extension-to-client
    description: d
    rfc: r
    scripted: server
    bugs: {extra_extensions: [{type: 0xfefe}]}
    steps:
      - handshake: {alert: unsupported_extension}
  - name: duplicate-group
    description: d
    rfc: r
    scripted: client
    bugs: {key_shares: [x25519, x25519]}
    steps:
      - handshake:
          expect: {alert: illegal_parameter}
          accept: [{outcome: success, because: a server may take one}]
  - name: fatal-alert-server
    description: d
    rfc: r
    scripted: server
    steps:
      - handshake: success
      - alert: {level: fatal, description: internal_error, expect: failure}
      - reconnect: {resume: true}
      - handshake: {expect: success, resumed: false}
)",
                       "t.yaml")
          .value();
  return s;
}

const Scenario& named(const std::string& name) {
  for (const Scenario& s : scenarios())
    if (s.name == name) return s;
  throw std::runtime_error("no scenario " + name);
}

Case tls12(const std::string& name) {
  return {&named(name), ProtocolVersion::tls12, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256};
}

std::string transcript(const CaseResult& r) {
  std::string out = r.reason + "\n";
  for (const auto& line : r.transcript) out += line + "\n";
  return out + r.sut_log;
}

class Tools : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto tool = GetParam() == "openssl-proc" ? openssl_tool() : gnutls_tool();
    if (!tool) GTEST_SKIP() << GetParam() << ": tools not installed";
    target_.emplace(std::move(*tool), Pki{});
  }
  std::optional<ProcessTarget> target_;
};

TEST_P(Tools, CasesOfOneSetupShareAServerAndPass) {
  for (int i = 0; i < 3; ++i) {
    const CaseResult r = run_case(tls12("plain"), *target_, {});
    EXPECT_EQ(r.verdict, Verdict::pass) << transcript(r);
  }
}

TEST_P(Tools, TheSutClientResumesAndExchangesData) {
  const CaseResult r = run_case(tls12("resumed-server"), *target_, {});
  EXPECT_EQ(r.verdict, Verdict::pass) << transcript(r);
}

TEST_P(Tools, WhatTheClientCannotExpressIsSkippedWithAReason) {
  const auto why = target_->cannot_run(tls12("fatal-alert-server"));
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find(GetParam()), std::string::npos) << *why;
}

// Neither tool refuses an unknown extension in our ServerHello (a known
// failure of both): its client's request after the handshake shows it
// took our flight, so the case is judged then, not at the deadline.
TEST_P(Tools, AClientsDataAfterItsHandshakeEndsTheWaitForItsRefusal) {
  const CaseResult r = run_case(tls12("unknown-extension-to-client"), *target_, {});
  EXPECT_EQ(r.verdict, Verdict::fail) << transcript(r);
  EXPECT_NE(r.reason.find("saw the handshake completed, application data"), std::string::npos) << r.reason;
  EXPECT_EQ(r.reason.find("until the timeout"), std::string::npos) << r.reason;
}

// Both servers take one of two x25519 shares, as RFC 8446 §4.2.8 lets
// them: at the case's last step they are asked at once whether they went
// on, rather than after the deadline's silence.
TEST_P(Tools, ALastStepsSilenceIsProbedAtOnce) {
  const Case c{&named("duplicate-group"), ProtocolVersion::tls13, CipherSuite::aes_128_gcm_sha256};
  const CaseResult r = run_case(c, *target_, {});
  EXPECT_EQ(r.verdict, Verdict::pass) << transcript(r);
  // A pass has no reason: its step's line in the transcript says what was seen.
  EXPECT_NE(transcript(r).find("sent at once as a probe (the server answers data and reads our records in "
                               "order), application data back: the connection went on"),
            std::string::npos)
      << transcript(r);
}

INSTANTIATE_TEST_SUITE_P(Both, Tools, ::testing::Values("openssl-proc", "gnutls-proc"));

// The first chunk one side sent on a connection.
ByteView first_chunk(const CaseResult& r, int connection, bool to_sut) {
  for (const WireChunk& w : r.wire)
    if (w.connection == connection && w.to_sut == to_sut) return w.bytes;
  return {};
}

// The session ID in our ServerHello at the front of `flight`.
std::optional<Bytes> server_hello_session_id(ByteView flight) {
  Reader in(flight);
  auto record = read_record_view(in);
  if (!record || !*record || (*record)->type != ContentType::handshake) return std::nullopt;
  HandshakeReassembler messages;
  if (!messages.add((*record)->fragment)) return std::nullopt;
  auto message = messages.next();
  if (!message || !*message || (*message)->type != HandshakeType::server_hello) return std::nullopt;
  auto hello = ServerHello::parse((*message)->body);
  if (!hello) return std::nullopt;
  return hello->session_id;
}

// libssl forgets a session whose connection it ended with a fatal alert
// (RFC 5246 §7.2.2): s_client run afresh must not be handed it again.
TEST(OpenSslClientPerConnection, NoSessionIsCarriedPastAFatalAlert) {
  auto tool = openssl_tool();
  if (!tool) GTEST_SKIP() << "openssl not installed";
  const ProcessTarget target(std::move(*tool), Pki{});
  const Case c{&named("bad-mac-then-reconnect"), ProtocolVersion::tls12,
               CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha};
  ASSERT_FALSE(target.cannot_run(c).has_value());
  const CaseResult r = run_case(c, target, {});
  EXPECT_EQ(r.verdict, Verdict::pass) << transcript(r);
  const auto given = server_hello_session_id(first_chunk(r, 0, true));
  const auto offered = sent_client_hello(first_chunk(r, 1, false));
  ASSERT_TRUE(given && !given->empty() && offered) << transcript(r);
  EXPECT_NE(offered->session_id, *given) << transcript(r);
}

}  // namespace
}  // namespace gauntlet::conformance
