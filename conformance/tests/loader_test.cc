// Scenario files: what parses, and that every mistake names file:line.
#include <gtest/gtest.h>

#include "conformance/scenario/expand.h"
#include "conformance/scenario/loader.h"
#include "conformance/scenario/suite_selectors.h"

namespace gauntlet::conformance {
namespace {

constexpr const char* kGood = R"(family: demo
description: A demo family.
rfc: RFC 5246 §7.3
scenarios:
  - name: tampered
    description: A flipped MAC.
    scripted: client
    versions: [tls1.0, tls1.2]
    suites: [AES128-SHA, ECDHE-RSA-AES128-GCM-SHA256]
    sut: {client_auth: optional, tickets: false}
    peer: {extended_master_secret: false, alpn: [h2]}
    bugs: {client_version: 0x0302, cipher_suites: [0x1301, AES128-SHA], skip_message: certificate}
    steps:
      - handshake: success
      - tamper: {record: application_data, action: flip_last_byte}
      - send: {data: "ping", expect: {alert: bad_record_mac}}
      - reconnect: {resume: true}
      - handshake: {expect: success, resumed: true}
      - record: {type: 23, body: "0102", raw: true, version: 0x0301}
      - alert: {level: warning, description: 200}
      - close: close_notify
)";

std::string error_of(const std::string& text) {
  auto r = load_family_text(text, "f.yaml");
  return r ? "" : r.error().reason;
}

// The demo with one line replaced.
std::string with(const std::string& from, const std::string& to) {
  std::string s = kGood;
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(LoaderTest, ReadsEveryField) {
  auto r = load_family_text(kGood, "f.yaml");
  ASSERT_TRUE(r) << r.error().reason;
  ASSERT_EQ(r->size(), 1u);
  const Scenario& s = r->front();
  EXPECT_EQ(s.id(), "demo/tampered");
  EXPECT_EQ(s.rfc, "RFC 5246 §7.3");
  EXPECT_EQ(s.where.line, 5);
  EXPECT_EQ(s.scripted, Role::client);
  EXPECT_EQ(s.versions, (std::vector{ProtocolVersion::tls10, ProtocolVersion::tls12}));
  EXPECT_EQ(s.sut.client_auth, ClientAuth::optional);
  EXPECT_FALSE(s.sut.tickets);
  EXPECT_FALSE(s.peer.extended_master_secret);
  EXPECT_EQ(s.peer.alpn, std::vector<std::string>{"h2"});
  EXPECT_EQ(s.bugs.client_version, 0x0302);
  EXPECT_EQ(s.bugs.cipher_suites, (std::vector<uint16_t>{0x1301, 0x002f}));
  EXPECT_EQ(s.bugs.skip_message, HandshakeType::certificate);
  ASSERT_EQ(s.steps.size(), 8u);
  EXPECT_EQ(std::get<TamperStep>(s.steps[1].kind).tamper.action, TamperAction::flip_last_byte);
  const auto& send = std::get<SendStep>(s.steps[2].kind);
  EXPECT_EQ(send.expect.kind, Expect::Kind::alert);
  EXPECT_EQ(send.expect.alerts, std::vector{AlertDescription::bad_record_mac});
  EXPECT_TRUE(std::get<ReconnectStep>(s.steps[3].kind).resume);
  EXPECT_EQ(std::get<HandshakeStep>(s.steps[4].kind).expect.resumed, true);
  const auto& record = std::get<RecordStep>(s.steps[5].kind);
  EXPECT_EQ(record.body, (Bytes{1, 2}));
  EXPECT_EQ(record.version, 0x0301);
  EXPECT_EQ(std::get<AlertStep>(s.steps[6].kind).description, 200);
  EXPECT_EQ(std::get<CloseStep>(s.steps[7].kind).expect.kind, Expect::Kind::close_notify);
  EXPECT_EQ(s.steps[7].where.line, 21);
  EXPECT_EQ(s.connections(), 2);
}

TEST(LoaderTest, MistakesNameFileAndLine) {
  EXPECT_EQ(error_of(with("    scripted: client", "    scripted: both")),
            "f.yaml:7: 'scripted' is client or server");
  EXPECT_EQ(error_of(with("    peer: {", "    peer: {colour: red, ")).substr(0, 28),
            "f.yaml:11: unknown key 'colo");
  EXPECT_EQ(error_of(with("      - handshake: success", "      - dance: success")).substr(0, 30),
            "f.yaml:14: unknown step 'dance");
  EXPECT_EQ(error_of(with("bad_record_mac", "bad_mac")), "f.yaml:16: unknown alert 'bad_mac'");
  EXPECT_EQ(error_of(with("\"0102\"", "\"01x2\"")), "f.yaml:19: '01x2' is not hex");
  EXPECT_EQ(error_of(with("[tls1.0, tls1.2]", "[tls1.0, tls1.9]")), "f.yaml:8: unknown version 'tls1.9'");
  EXPECT_EQ(error_of(with("AES128-SHA,", "NOPE-SHA,")),
            "f.yaml:9: unknown cipher suite or selector 'NOPE-SHA'");
  EXPECT_EQ(error_of(with("rfc: RFC 5246 §7.3\n", "")),
            "f.yaml:4: scenario 'tampered' names no RFC section");
  EXPECT_NE(error_of(with("scenarios:", "scenarios: [")).find("f.yaml:"), std::string::npos);
  EXPECT_EQ(error_of(with("      - handshake: success",
                          "      - handshake: {expect: success, accept: [{outcome: failure}]}")),
            "f.yaml:14: an accepted outcome needs 'because': the RFC's words that permit it");
  EXPECT_EQ(error_of(std::string(kGood) + std::string(kGood).substr(std::string(kGood).find("  - name"))),
            "f.yaml:22: scenario 'tampered' appears twice");
}

// A step whose only option is its expectation takes an accept: list too.
TEST(LoaderTest, AcceptOnAnExpectationOnlyStep) {
  const auto r = load_family_text(
      with("      - close: close_notify",
           "      - close: {expect: close_notify, accept: [{outcome: closed, because: words}]}"),
      "f.yaml");
  ASSERT_TRUE(r) << r.error().reason;
  const Expect& e = std::get<CloseStep>((*r)[0].steps.back().kind).expect;
  EXPECT_EQ(e.kind, Expect::Kind::close_notify);
  ASSERT_EQ(e.accepted.size(), 1u);
  EXPECT_EQ(e.accepted[0].outcome.kind, Expect::Kind::closed);
}

// The names of engine/connection/config_names.h, shared with the CLI.
TEST(LoaderTest, ConfigNamesAndTheirMistakes) {
  std::string text = with("skip_message: certificate}", "bad_premaster: no_separator}");
  text.replace(text.find("tickets: false}"), 15, "tickets: false, renegotiation: refuse}");
  const auto r = load_family_text(text, "f.yaml");
  ASSERT_TRUE(r) << r.error().reason;
  EXPECT_EQ((*r)[0].bugs.bad_premaster, BadPremaster::no_separator);
  EXPECT_EQ((*r)[0].sut.renegotiation, RenegotiationPolicy::refuse);

  EXPECT_EQ(error_of(with("client_auth: optional", "client_auth: maybe")),
            "f.yaml:10: client_auth: unknown client authentication 'maybe' "
            "(none, optional, required)");
  EXPECT_EQ(error_of(with("tickets: false}", "renegotiation: allow_insecure}")),
            "f.yaml:10: renegotiation is refuse or secure");
  EXPECT_EQ(error_of(with("action: flip_last_byte", "action: flip_it")),
            "f.yaml:15: action: unknown tamper action 'flip_it' (flip_last_byte, "
            "flip_first_byte, flip_padding, truncate, extend, oversize, change_type, "
            "change_version)");
  EXPECT_EQ(error_of(with("skip_message: certificate}", "bad_premaster: bad}")).substr(0, 60),
            "f.yaml:12: bad_premaster: unknown bad_premaster kind 'bad' (");
}

constexpr const char* kDefaults = R"(family: d
rfc: RFC 5246 §7.3
defaults:
  scripted: server
  versions: [tls1.2]
  suites: [AES128-SHA]
  peer: {tickets: false, alpn: [h2]}
scenarios:
  - name: inherits
    description: Everything from the defaults.
    steps: [handshake: success]
  - name: overrides
    description: Its own values.
    scripted: client
    versions: [tls1.0]
    suites: [ECDHE-RSA-AES128-SHA]
    peer: {tickets: true}
    steps: [handshake: success]
)";

// A family states its defaults once; a scenario's own scripted, versions
// and suites replace them, its peer keys are set over them.
TEST(LoaderTest, FamilyDefaults) {
  const auto r = load_family_text(kDefaults, "f.yaml");
  ASSERT_TRUE(r) << r.error().reason;
  ASSERT_EQ(r->size(), 2u);
  const Scenario& inherits = (*r)[0];
  EXPECT_EQ(inherits.scripted, Role::server);
  EXPECT_EQ(inherits.versions, std::vector{ProtocolVersion::tls12});
  EXPECT_EQ(inherits.suites, std::vector{CipherSuite::rsa_with_aes_128_cbc_sha});
  EXPECT_FALSE(inherits.peer.tickets);
  EXPECT_EQ(inherits.peer.alpn, std::vector<std::string>{"h2"});
  const Scenario& overrides = (*r)[1];
  EXPECT_EQ(overrides.scripted, Role::client);
  EXPECT_EQ(overrides.versions, std::vector{ProtocolVersion::tls10});
  EXPECT_EQ(overrides.suites, *resolve_suite_selector("ECDHE-RSA-AES128-SHA"));
  EXPECT_TRUE(overrides.peer.tickets);
  EXPECT_EQ(overrides.peer.alpn, std::vector<std::string>{"h2"});
}

TEST(LoaderTest, DefaultsMistakes) {
  const std::string text = kDefaults;
  const auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = text;
    s.replace(s.find(from), from.size(), to);
    return error_of(s);
  };
  EXPECT_EQ(replaced("  scripted: server\n", "  colour: red\n"),
            "f.yaml:4: unknown key 'colour' (expected one of: scripted, versions, suites, kinds, peer, rule)");
  EXPECT_EQ(replaced("  scripted: server\n", ""),
            "f.yaml:8: missing 'scripted' (client or server: the role our side plays)");
  EXPECT_EQ(replaced("  scripted: server", "  scripted: both"), "f.yaml:4: 'scripted' is client or server");
  EXPECT_EQ(replaced("[tls1.2]", "[]"), "f.yaml:5: 'versions' must be a non-empty list");
}

TEST(LoaderTest, MissingFileAndDirectory) {
  EXPECT_FALSE(load_family_file("/nonexistent.yaml"));
  EXPECT_FALSE(load_scenario_directory("/nonexistent"));
}

TEST(SuiteSelectorTest, Selectors) {
  // Two per key exchange below TLS 1.3, and TLS 1.3's mandatory suite.
  EXPECT_EQ(resolve_suite_selector("default")->size(), 11u);
  EXPECT_EQ(resolve_suite_selector("all")->front(), CipherSuite::aes_128_gcm_sha256);
  const auto ecdsa = resolve_suite_selector("kx:ecdhe_ecdsa");
  ASSERT_TRUE(ecdsa);
  for (const CipherSuite s : *ecdsa) {
    EXPECT_EQ(cipher_suite_info(s)->key_exchange, KeyExchange::ecdhe_ecdsa);
  }
  EXPECT_EQ(*resolve_suite_selector("RC4-SHA"), std::vector{CipherSuite::rsa_with_rc4_128_sha});
  EXPECT_FALSE(resolve_suite_selector("cipher:rot13"));
  EXPECT_FALSE(resolve_suite_selector("TLS_FALLBACK_SCSV"));
}

TEST(ExpandTest, Tls13CasesTakeOnlyTls13Suites) {
  auto r = load_family_text(R"(family: t
description: TLS 1.3.
rfc: RFC 8446 §4
scenarios:
  - name: s
    description: d
    scripted: client
    versions: [tls1.2, tls1.3]
    suites: [ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_256_GCM_SHA384]
    steps:
      - handshake: success
)", "t.yaml");
  ASSERT_TRUE(r);
  std::vector<std::string> ids;
  for (const Case& c : expand(*r)) ids.push_back(c.id());
  EXPECT_EQ(ids, (std::vector<std::string>{"t/s[TLSv1.2,ECDHE-RSA-AES128-GCM-SHA256]",
                                           "t/s[TLSv1.3,TLS_AES_256_GCM_SHA384]"}));
}

TEST(ExpandTest, OnlyWhereTheSuiteExists) {
  auto r = load_family_text(kGood, "f.yaml");
  ASSERT_TRUE(r);
  std::vector<std::string> ids;
  for (const Case& c : expand(*r)) ids.push_back(c.id());
  // GCM is TLS 1.2 only (RFC 5288 §4).
  EXPECT_EQ(ids, (std::vector<std::string>{"demo/tampered[TLSv1,AES128-SHA]",
                                           "demo/tampered[TLSv1.2,AES128-SHA]",
                                           "demo/tampered[TLSv1.2,ECDHE-RSA-AES128-GCM-SHA256]"}));
}

constexpr const char* kSsl2 = R"(family: old
description: SSL 2.0.
rfc: SSL 2.0 §2
defaults:
  scripted: client
  versions: [ssl2]
  kinds: export
scenarios:
  - name: full
    description: Export kinds, from the defaults.
    steps:
      - handshake: success
  - name: two
    description: Named kinds, one twice.
    kinds: [RC4-MD5, SSL_CK_DES_192_EDE3_CBC_WITH_MD5, RC4-MD5]
    steps:
      - handshake: success
)";

// SSL 2.0 cases are one per cipher kind (SSL 2.0 spec appendix A.3), not
// per suite.
TEST(ExpandTest, Ssl2ExpandsOverKinds) {
  auto r = load_family_text(kSsl2, "f.yaml");
  ASSERT_TRUE(r) << r.error().reason;
  std::vector<std::string> ids;
  for (const Case& c : expand(*r)) {
    ids.push_back(c.id());
    EXPECT_TRUE(c.ssl2_kind.has_value());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"old/full[SSLv2,EXP-RC4-MD5]",
                                           "old/full[SSLv2,EXP-RC2-CBC-MD5]",
                                           "old/two[SSLv2,RC4-MD5]",
                                           "old/two[SSLv2,DES-CBC3-MD5]"}));
}

TEST(LoaderTest, Ssl2Mistakes) {
  const auto replaced = [](const std::string& from, const std::string& to) {
    std::string s = kSsl2;
    s.replace(s.find(from), from.size(), to);
    return error_of(s);
  };
  EXPECT_EQ(replaced("  kinds: export\n", ""), "f.yaml:8: an SSLv2 scenario needs 'kinds'");
  EXPECT_EQ(replaced("[ssl2]", "[tls1.2]"), "f.yaml:9: 'kinds' is for SSLv2 scenarios only");
  EXPECT_EQ(replaced("export", "rot13"), "f.yaml:7: unknown SSL 2.0 cipher kind 'rot13'");
}

}  // namespace
}  // namespace gauntlet::conformance
