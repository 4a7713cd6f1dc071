// `record` built to order: its keys read into the engine's SealShape, the
// transcript says what was built, and our strict engine as the SUT answers
// each shape as RFC 5246 §6.2.3.2 says.
#include <gtest/gtest.h>

#include "conformance/runner/executor.h"
#include "conformance/scenario/loader.h"
#include "conformance/targets/self_target.h"

namespace gauntlet::conformance {
namespace {

Result<std::vector<Scenario>> load(const std::string& record) {
  return load_family_text("family: t\nscenarios:\n  - name: s\n    description: d\n    rfc: r\n"
                          "    scripted: client\n    steps:\n      - handshake: success\n"
                          "      - record: " + record + "\n",
                          "t.yaml");
}

TEST(RecordStepTest, ReadsAndDescribesTheShape) {
  auto r = load("{type: application_data, data: ping, padding: 255, padding_fill: 0, "
                "flip_padding: last, mac: flipped, expect: {alert: bad_record_mac}}");
  ASSERT_TRUE(r) << r.error().reason;
  const Step& step = r->front().steps.back();
  const auto& rec = std::get<RecordStep>(step.kind);
  EXPECT_TRUE(rec.shape.flip_mac);
  EXPECT_EQ(rec.shape.padding, 255u);
  EXPECT_EQ(rec.shape.padding_fill, 0);
  EXPECT_EQ(rec.shape.flip_padding_at, -1);
  EXPECT_EQ(describe(step),
            "application_data record of 4 bytes, MAC flipped, padding of at most 255 bytes, padding "
            "bytes 0, last padding byte flipped (expect alert bad_record_mac)");
  auto versioned = load("{type: application_data, data: ping, version: 0x0301}");
  ASSERT_TRUE(versioned) << versioned.error().reason;
  EXPECT_EQ(describe(versioned->front().steps.back()),
            "application_data record of 4 bytes, version 0x0301 (expect no alert, the connection up)");
  auto first = load("{type: application_data, data: ping, flip_padding: first}");
  ASSERT_TRUE(first) << first.error().reason;
  EXPECT_EQ(std::get<RecordStep>(first->front().steps.back().kind).shape.flip_padding_at, 0);
}

TEST(RecordStepTest, Mistakes) {
  EXPECT_EQ(load("{type: 23, body: '01', raw: true, mac: flipped}").error().reason,
            "t.yaml:9: a raw record has no MAC, padding or nonce to shape");
  EXPECT_EQ(load("{type: 23, body: '01', raw: true, explicit_nonce: '00'}").error().reason,
            "t.yaml:9: a raw record has no MAC, padding or nonce to shape");
  EXPECT_EQ(load("{type: 23, data: x, mac: wrong}").error().reason, "t.yaml:9: 'mac' is 'flipped'");
  EXPECT_FALSE(load("{type: 23, data: x, padding: 16641}"));
}

Verdict run(const std::string& record, CipherSuite suite, ProtocolVersion v) {
  static std::vector<Scenario> keep;
  auto r = load(record);
  EXPECT_TRUE(r) << r.error().reason;
  keep = std::move(r).value();
  const SelfTarget self{Pki{}};
  const CaseResult result = run_case({&keep.front(), v, suite}, self, RunSettings{});
  return result.verdict;
}

TEST(RecordStepTest, OurStrictServerAnswersEachShape) {
  constexpr auto cbc = CipherSuite::rsa_with_aes_128_cbc_sha;
  const auto tls12 = ProtocolVersion::tls12;
  const std::string bad = ", expect: {alert: bad_record_mac}}";
  const std::string request = "data: \"GET / HTTP/1.0\\r\\n\\r\\n\"";
  EXPECT_EQ(run("{type: application_data, " + request + ", padding: 255, expect: data}", cbc, tls12),
            Verdict::pass);
  EXPECT_EQ(
      run("{type: application_data, data: ping, padding: 255, flip_padding: first" + bad, cbc, tls12),
      Verdict::pass);
  EXPECT_EQ(run("{type: application_data, data: ping, mac: flipped" + bad, cbc, ProtocolVersion::ssl3),
            Verdict::pass);
  EXPECT_EQ(run("{type: application_data, data: ping, mac: flipped" + bad,
                CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, tls12),
            Verdict::pass);
  // Our own explicit IV or nonce is the sender's right: the record is taken
  // and answered (RFC 5246 §6.2.3.2, RFC 5288 §3).
  EXPECT_EQ(run("{type: application_data, " + request +
                    ", explicit_nonce: '00000000000000000000000000000000', expect: data}",
                cbc, tls12),
            Verdict::pass);
  EXPECT_EQ(run("{type: application_data, " + request + ", explicit_nonce: '0909090909090909', expect: data}",
                CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, tls12),
            Verdict::pass);
  // A sealed record under another header version (its MAC or additional
  // data over that version): our server holds a connection to its version.
  for (const CipherSuite suite : {cbc, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256}) {
    EXPECT_EQ(run("{type: application_data, data: ping, version: 0x0301, expect: {alert: protocol_version}}",
                  suite, tls12),
              Verdict::pass);
  }
  // Padding under AEAD, a nonce under ChaCha20, are the scenario's mistakes:
  // an error, not the SUT's FAIL.
  EXPECT_EQ(run("{type: application_data, data: ping, padding: 255" + bad,
                CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, tls12),
            Verdict::error);
  EXPECT_EQ(run("{type: application_data, data: ping, explicit_nonce: '0909090909090909'" + bad,
                CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256, tls12),
            Verdict::error);
}

}  // namespace
}  // namespace gauntlet::conformance
