// The SSL 2.0 probe: our CLIENT-HELLO parses back with every kind, and each
// kind of first reply (SERVER-HELLO, ERROR, a TLS record, a partial or
// malformed one) gets its summary.
#include "engine/messages/ssl2/probe.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/crypto/test_hex.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/record/ssl2_record.h"

namespace gauntlet {
namespace {

using K = Ssl2CipherKind;

const Bytes kChallenge = hex("0011223344556677 8899aabbccddeeff");

Bytes in_record(const Bytes& message) {
  Bytes out = *write_ssl2_header(message.size(), 0);
  out.insert(out.end(), message.begin(), message.end());
  return out;
}

Bytes server_hello(std::vector<K> kinds) {
  Ssl2ServerHello hello;
  hello.certificate = Bytes(40, 0x30);
  hello.cipher_specs = std::move(kinds);
  hello.connection_id = Bytes(16, 0xc1);
  return in_record(*hello.serialize());
}

Ssl2ProbeSummary summarize(const Bytes& reply) {
  auto s = summarize_ssl2_reply(reply);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  EXPECT_TRUE(s.ok() && s->has_value());
  return s.ok() && s->has_value() ? **s : Ssl2ProbeSummary{};
}

TEST(Ssl2Probe, ClientHelloOffersEveryKindNatively) {
  auto record = ssl2_probe_client_hello(kChallenge);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ((*record)[0] & 0x80, 0x80);  // 2-byte header
  Reader r(*record);
  auto v = read_ssl2_record(r);
  ASSERT_TRUE(v.ok() && v->has_value());
  EXPECT_TRUE(r.empty());
  auto hello = Ssl2ClientHello::parse((*v)->body);
  ASSERT_TRUE(hello.ok()) << hello.error().to_string();
  EXPECT_EQ(hello->version, ProtocolVersion::ssl2);
  EXPECT_EQ(hello->cipher_specs.size(), all_ssl2_cipher_kinds().size());
  for (const Ssl2CipherKindInfo& info : all_ssl2_cipher_kinds()) {
    EXPECT_NE(std::ranges::find(hello->cipher_specs, info.kind), hello->cipher_specs.end());
  }
  EXPECT_TRUE(hello->session_id.empty());
  EXPECT_EQ(hello->challenge, kChallenge);
  EXPECT_FALSE(ssl2_probe_client_hello(Bytes(15, 1)).ok());
  EXPECT_FALSE(ssl2_probe_client_hello(Bytes(33, 1)).ok());
}

TEST(Ssl2Probe, ServerHelloListsKindsAndExportOnes) {
  const Ssl2ProbeSummary strong =
      summarize(server_hello({K::des_192_ede3_cbc_with_md5, K::rc4_128_with_md5}));
  EXPECT_EQ(strong.answer, Ssl2ProbeAnswer::server_hello);
  EXPECT_EQ(strong.cipher_kinds,
            (std::vector<K>{K::des_192_ede3_cbc_with_md5, K::rc4_128_with_md5}));
  EXPECT_FALSE(strong.export_kinds);

  for (K exported : {K::rc4_128_export40_with_md5, K::rc2_128_cbc_export40_with_md5}) {
    const Ssl2ProbeSummary weak = summarize(server_hello({K::rc4_128_with_md5, exported}));
    EXPECT_TRUE(weak.export_kinds) << iana_name(exported);
  }
  // A kind we do not know is listed as sent, and is not export.
  const auto unknown = static_cast<K>(0x080080);
  const Ssl2ProbeSummary odd = summarize(server_hello({unknown}));
  EXPECT_EQ(odd.cipher_kinds, std::vector<K>{unknown});
  EXPECT_FALSE(odd.export_kinds);
}

TEST(Ssl2Probe, ErrorMessageIsSsl2WithoutAHello) {
  const Ssl2ProbeSummary s = summarize(in_record(Ssl2Error{Ssl2ErrorCode::no_cipher}.serialize()));
  EXPECT_EQ(s.answer, Ssl2ProbeAnswer::error_message);
  EXPECT_EQ(s.error, Ssl2ErrorCode::no_cipher);
  EXPECT_TRUE(s.cipher_kinds.empty());
}

// A TLS server's protocol_version alert, or an HTTP server's text.
TEST(Ssl2Probe, OtherRepliesAreNotSsl2) {
  EXPECT_EQ(summarize(hex("15 0301 0002 02 46")).answer, Ssl2ProbeAnswer::not_ssl2);
  EXPECT_EQ(summarize(Bytes{'H', 'T', 'T', 'P'}).answer, Ssl2ProbeAnswer::not_ssl2);
}

TEST(Ssl2Probe, PartialReplyAsksForMore) {
  const Bytes reply = server_hello({K::rc4_128_with_md5});
  for (size_t n = 0; n < reply.size(); ++n) {
    auto s = summarize_ssl2_reply(ByteView(reply).first(n));
    ASSERT_TRUE(s.ok()) << n;
    EXPECT_FALSE(s->has_value()) << n;
  }
}

TEST(Ssl2Probe, MalformedOrUnexpectedRepliesAreDecodeErrors) {
  Bytes bad_hello = server_hello({K::rc4_128_with_md5});
  bad_hello.pop_back();  // connection-id one byte short of its length
  bad_hello[1] = static_cast<uint8_t>(bad_hello.size() - 2);
  EXPECT_EQ(summarize_ssl2_reply(bad_hello).error().alert, AlertDescription::decode_error);
  const Bytes verify = in_record(Ssl2ServerVerify{kChallenge}.serialize());
  EXPECT_EQ(summarize_ssl2_reply(verify).error().alert, AlertDescription::decode_error);
  const Bytes empty = {0x80, 0x00};
  EXPECT_EQ(summarize_ssl2_reply(empty).error().alert, AlertDescription::decode_error);
}

}  // namespace
}  // namespace gauntlet
