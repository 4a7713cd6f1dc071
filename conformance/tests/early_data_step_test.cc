// TLS 1.3 0-RTT in the runner (RFC 8446 §4.2.10, §8): `reconnect`'s
// `early_data` and `replay`, `keys: early` on `record` and `send`, and the
// handshake's `early_data` expectation are read as written, and against
// our strict server they put on the wire what they say: the ClientHello
// offers early_data, the records after it open under
// client_early_traffic_secret (from the case's key log) to the bytes the
// steps named, and a replay repeats the ClientHello byte for byte.
#include <gtest/gtest.h>

#include "conformance/runner/executor.h"
#include "conformance/runner/sent_hello.h"
#include "conformance/scenario/loader.h"
#include "conformance/targets/self_target.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/record/protection_tls13.h"
#include "engine/testing/openssl_pair.h"

namespace gauntlet::conformance {
namespace {

constexpr auto kSuite = CipherSuite::aes_128_gcm_sha256;

Result<std::vector<Scenario>> load(const std::string& steps, const std::string& scripted = "client") {
  return load_family_text("family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n"
                          "    rule: 'RFC 8446 §4.2.10: \"r\"'\n    versions: [tls1.3]\n"
                          "    sut: {early_data: true}\n    scripted: " + scripted +
                              "\n    steps:\n" + steps,
                          "t.yaml");
}

const std::string kFirst = "      - handshake: success\n      - exchange: data\n";

CaseResult run(const std::string& steps, std::vector<Scenario>& keep) {
  auto r = load(steps);
  EXPECT_TRUE(r) << r.error().reason;
  keep = std::move(r).value();
  return run_case({&keep.front(), ProtocolVersion::tls13, kSuite}, SelfTarget{Pki{}}, RunSettings{});
}

// Our side's bytes on one connection, as one stream.
Bytes sent_on(const CaseResult& r, int connection) {
  Bytes out;
  for (const WireChunk& c : r.wire) {
    if (c.to_sut && c.connection == connection) out.insert(out.end(), c.bytes.begin(), c.bytes.end());
  }
  return out;
}

// The records our client sealed under its early traffic keys on a
// connection: application_data records up to the first the key does not
// open, each opened.
std::vector<OpenedRecord> early_records(const CaseResult& r, int connection) {
  std::string secret;
  for (const std::string& line : r.keylog) {
    if (line.starts_with("CLIENT_EARLY_TRAFFIC_SECRET ")) secret = line.substr(line.rfind(' ') + 1);
  }
  EXPECT_FALSE(secret.empty()) << "no CLIENT_EARLY_TRAFFIC_SECRET in the key log";
  const CipherSuiteInfo& suite = *cipher_suite_info(kSuite);
  const TrafficKeys keys =
      traffic_keys(suite.prf_hash, suite.cipher, test_support::from_hex(secret));
  auto protection = make_tls13_protection(suite.cipher, keys.key, keys.iv);
  EXPECT_TRUE(protection);
  std::vector<OpenedRecord> out;
  for (const Record& rec : test_support::records(sent_on(r, connection))) {
    if (rec.type != ContentType::application_data) continue;
    auto opened = (*protection)->open(rec.type, rec.version, rec.fragment);
    if (!opened) break;
    out.push_back(std::move(opened).value());
  }
  return out;
}

TEST(EarlyDataStepTest, ReadsAndDescribes) {
  auto r = load(kFirst +
                "      - reconnect: {early_data: ping}\n"
                "      - record: {type: application_data, data: pong, keys: early}\n"
                "      - send: {data: more, keys: early, expect: {alert: decode_error}}\n"
                "      - handshake: {expect: success, resumed: true, early_data: accepted}\n"
                "      - reconnect: {replay: true}\n"
                "      - handshake: {expect: {early_data: rejected}, accept: [{outcome: {alert: "
                "illegal_parameter}, because: x}]}\n"
                "      - reconnect: {early_data: {size: over_limit}}\n"
                "      - reconnect: {early_data: {hex: '0102'}, max_early_data: 0}\n");
  ASSERT_TRUE(r) << r.error().reason;
  const auto& steps = r->front().steps;
  EXPECT_EQ(describe(steps[2]), "reconnect with the session, 4 bytes of 0-RTT data");
  EXPECT_EQ(describe(steps[3]),
            "application_data record of 4 bytes under the 0-RTT keys (with the 0-RTT flight: the "
            "next step judges)");
  EXPECT_EQ(describe(steps[4]), "send 4 bytes under the 0-RTT keys (expect alert decode_error)");
  EXPECT_EQ(describe(steps[5]), "handshake (expect success, resumed, 0-RTT data accepted)");
  EXPECT_EQ(describe(steps[6]), "reconnect replaying the last 0-RTT ClientHello and its early data");
  EXPECT_EQ(describe(steps[7]),
            "handshake (expect success, 0-RTT data rejected; or, as the RFC permits, alert "
            "illegal_parameter)");
  EXPECT_EQ(describe(steps[8]),
            "reconnect with the session, 0-RTT data one byte over the ticket's max_early_data_size");
  EXPECT_EQ(std::get<ReconnectStep>(steps[9].kind).early_data->data, (Bytes{1, 2}));
  EXPECT_EQ(std::get<ReconnectStep>(steps[9].kind).max_early_data, 0u);
  const std::vector<Requirement> needs = r->front().requirements();
  EXPECT_NE(std::ranges::find(needs, Requirement{Requirement::Kind::extension,
                                                 ExtensionType::early_data}),
            needs.end());
}

TEST(EarlyDataStepTest, Mistakes) {
  const auto error = [](const std::string& step) { return load(kFirst + "      - " + step + "\n").error().reason; };
  EXPECT_EQ(error("reconnect: {replay: true, early_data: x}"),
            "t.yaml:13: 'replay' repeats a connection as it was: it takes no other changes");
  EXPECT_EQ(error("reconnect: {resume: false, early_data: x}"),
            "t.yaml:13: 0-RTT data needs the session resumed");
  EXPECT_EQ(error("reconnect: {early_data: {size: 0}}"), "t.yaml:13: 'early_data' needs at least one byte");
  EXPECT_EQ(error("record: {type: 23, data: x, keys: handshake}"), "t.yaml:13: 'keys' is 'early'");
  EXPECT_EQ(error("record: {type: 23, body: '00', raw: true, keys: early}"),
            "t.yaml:13: a raw record has no keys");
  EXPECT_EQ(error("handshake: {early_data: taken}"), "t.yaml:13: 'early_data' is accepted or rejected");
  EXPECT_EQ(error("reconnect: {same_ticket: true}"),
            "t.yaml:13: 'same_ticket' offers the last 0-RTT ticket with new 0-RTT data: it needs "
            "'early_data'");
  EXPECT_EQ(error("reconnect: {replay: true, same_ticket: true}"),
            "t.yaml:13: 'replay' repeats a connection as it was: it takes no other changes");
}

// `same_ticket`: the last 0-RTT connection's ticket again, in a ClientHello
// of its own (another random, another binder), with new 0-RTT data; our
// single-use tickets take 0-RTT data once per ticket (§8.1).
TEST(EarlyDataStepTest, SameTicketInAFreshHello) {
  std::vector<Scenario> keep;
  const CaseResult r = run(kFirst +
                               "      - reconnect: {early_data: ping}\n"
                               "      - handshake: {expect: success, early_data: accepted}\n"
                               "      - reconnect: {early_data: pong, same_ticket: true}\n"
                               "      - handshake: {expect: success, resumed: true, early_data: "
                               "rejected}\n",
                           keep);
  ASSERT_EQ(r.verdict, Verdict::pass) << r.reason;
  EXPECT_EQ(describe(keep.front().steps[4]),
            "reconnect with the last 0-RTT ticket again, in a fresh ClientHello, 4 bytes of 0-RTT data");
  const auto first = sent_client_hello(sent_on(r, 1));
  const auto again = sent_client_hello(sent_on(r, 2));
  ASSERT_TRUE(first && again && first->extensions && again->extensions);
  const OfferedPsks* a = first->extensions->get<OfferedPsks>();
  const OfferedPsks* b = again->extensions->get<OfferedPsks>();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->identities.front().identity, b->identities.front().identity);
  EXPECT_NE(a->binders, b->binders);
  EXPECT_NE(first->random, again->random);
  EXPECT_TRUE(again->extensions->find(ExtensionType::early_data));
  EXPECT_NE(std::ranges::find(r.transcript,
                              "  offered the ticket of connection 1 again in a fresh ClientHello, "
                              "with early_data, and sent 4 bytes of 0-RTT data"),
            r.transcript.end());
}

// A SUT client asked to retry (RFC 8446 §4.2.10) offered 0-RTT data in its
// first ClientHello, which the runner reads off the wire: the second one,
// all our server keeps, must not offer it.
TEST(EarlyDataStepTest, AClientsOfferBeforeARetryCounts) {
  const auto serve = [](const std::string& sut) {
    auto r = load_family_text(
        "family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n"
        "    rule: 'RFC 8446 §4.2.10: \"r\"'\n    versions: [tls1.3]\n    scripted: server\n" + sut +
            "    peer: {max_early_data: 16384, hello_retry: true}\n    steps:\n"
            "      - handshake: success\n      - reconnect: {resume: true}\n"
            "      - handshake: {expect: success, resumed: true, early_data: rejected}\n",
        "t.yaml");
    EXPECT_TRUE(r) << r.error().reason;
    static std::vector<Scenario> keep;
    keep = std::move(r).value();
    return run_case({&keep.front(), ProtocolVersion::tls13, kSuite}, SelfTarget{Pki{}}, RunSettings{});
  };
  const CaseResult offered = serve("    sut: {early_data: true}\n");
  EXPECT_EQ(offered.verdict, Verdict::pass) << offered.reason;
  EXPECT_NE(std::ranges::find(offered.transcript, "  its ClientHello offers 0-RTT data (early_data)"),
            offered.transcript.end());
  const CaseResult none = serve("");
  EXPECT_EQ(none.verdict, Verdict::not_delivered) << none.reason;
  EXPECT_NE(none.reason.find("the SUT client offered no 0-RTT data"), std::string::npos) << none.reason;
}

// What `early_data` and `keys: early` put on the wire: the ClientHello's
// early_data extension, then the data and each record under the early key.
TEST(EarlyDataStepTest, EarlyRecordsOpenUnderTheEarlyKey) {
  std::vector<Scenario> keep;
  const CaseResult r = run(kFirst +
                               "      - reconnect: {early_data: ping, bugs: {skip_message: "
                               "end_of_early_data}}\n"
                               "      - record: {type: application_data, data: pong, keys: early}\n"
                               "      - send: {data: more, keys: early}\n"
                               "      - record: {type: handshake, body: '05000000', keys: early}\n"
                               "      - handshake: {expect: success, resumed: true, early_data: accepted}\n",
                           keep);
  ASSERT_EQ(r.verdict, Verdict::pass) << r.reason;
  const auto hello = sent_client_hello(sent_on(r, 1));
  ASSERT_TRUE(hello && hello->extensions);
  EXPECT_TRUE(hello->extensions->find(ExtensionType::early_data));
  const auto early = early_records(r, 1);
  ASSERT_EQ(early.size(), 4u);
  const auto text = [](std::string_view s) { return Bytes(s.begin(), s.end()); };
  EXPECT_EQ(early[0].plaintext, text("ping"));
  EXPECT_EQ(early[1].plaintext, text("pong"));
  EXPECT_EQ(early[2].plaintext, text("more"));
  // Our own EndOfEarlyData, the engine's left out; the Finished after it
  // is under the handshake key.
  EXPECT_EQ(early[3].type, ContentType::handshake);
  EXPECT_EQ(early[3].plaintext, (Bytes{5, 0, 0, 0}));
}

// One byte over the ticket's max_early_data_size (ours: 2^14) goes out whole.
TEST(EarlyDataStepTest, OverLimitSendsOneByteMore) {
  std::vector<Scenario> keep;
  const CaseResult r = run(kFirst +
                               "      - reconnect: {early_data: {size: over_limit}}\n"
                               "      - handshake: {alert: unexpected_message}\n",
                           keep);
  ASSERT_EQ(r.verdict, Verdict::pass) << r.reason;
  size_t sent = 0;
  for (const OpenedRecord& rec : early_records(r, 1)) {
    if (rec.type == ContentType::application_data) sent += rec.plaintext.size();
  }
  EXPECT_EQ(sent, kSutMaxEarlyData + 1);
}

// A replay is the original's ClientHello record, byte for byte, and our
// single-use tickets take its early data only once (§8.1).
TEST(EarlyDataStepTest, ReplayRepeatsTheClientHello) {
  std::vector<Scenario> keep;
  const CaseResult r = run(kFirst +
                               "      - reconnect: {early_data: ping}\n"
                               "      - handshake: {expect: success, early_data: accepted}\n"
                               "      - reconnect: {replay: true}\n"
                               "      - handshake: {early_data: rejected}\n",
                           keep);
  ASSERT_EQ(r.verdict, Verdict::pass) << r.reason;
  const auto first = test_support::records(sent_on(r, 1));
  const auto again = test_support::records(sent_on(r, 2));
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(first.front(), again.front());
  EXPECT_EQ(first.front().type, ContentType::handshake);
}

// Early keys when none were offered (the first connection has no ticket):
// the case is not delivered, never judged.
TEST(EarlyDataStepTest, NoEarlyKeysIsNotDelivered) {
  std::vector<Scenario> keep;
  const CaseResult r =
      run("      - record: {type: application_data, data: x, keys: early}\n"
          "      - handshake: success\n",
          keep);
  EXPECT_EQ(r.verdict, Verdict::not_delivered) << r.reason;
}

}  // namespace
}  // namespace gauntlet::conformance
