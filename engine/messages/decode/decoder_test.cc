#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/crypto/test_hex.h"
#include "engine/messages/decode/capture_input.h"
#include "engine/messages/decode/decoder.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

Bytes fixture(const std::string& name) {
  std::ifstream in("engine/messages/handshake/testdata/" + name + ".hex");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return read_capture(Bytes(text.begin(), text.end())).records;
}

Bytes handshake_record(std::initializer_list<Bytes> messages) {
  Bytes body;
  for (const Bytes& m : messages) body.insert(body.end(), m.begin(), m.end());
  return write_record(ContentType::handshake, ProtocolVersion::tls12, body);
}

Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(Decode, ServerFlightByName) {
  const Bytes stream = concat({handshake_record({fixture("openssl-ecdhe-server_hello"),
                                                 fixture("openssl-ecdhe-certificate")}),
                               handshake_record({fixture("openssl-ecdhe-server_key_exchange"),
                                                 fixture("openssl-ecdhe-certificate_request"),
                                                 hex("0e000000")}),
                               write_record(ContentType::change_cipher_spec,
                                            ProtocolVersion::tls12, Bytes{1}),
                               write_record(ContentType::handshake, ProtocolVersion::tls12,
                                            Bytes(40, 0x55))});
  const std::string text = to_text(decode_capture(stream));
  for (const char* expected :
       {"ServerHello", "cipher_suite: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "extended_master_secret", "certificate: CN=server-rsa,O=Gauntlet test",
        "named_curve: x25519", "signature_algorithm: rsa_pss_rsae_sha256", "CertificateRequest",
        "ServerHelloDone", "change_cipher_spec", "encrypted"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("<--"), std::string::npos) << text;
}

TEST(Decode, ClientHelloExtensions) {
  const std::string text =
      to_text(decode_capture(handshake_record({fixture("openssl-ecdhe-client_hello")})));
  for (const char* expected : {"ClientHello", "host_name: localhost", "supported_groups",
                               "x25519", "signature_algorithms", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(Decode, MarksWhereParsingFailed) {
  // A ServerHello whose session_id length runs past its body.
  const Bytes bad = hex("0200000a 0303 0000000000000000");
  const auto fields = decode_capture(handshake_record({bad}));
  ASSERT_EQ(fields.size(), 1u);
  ASSERT_EQ(fields[0].children.size(), 1u);
  ASSERT_TRUE(fields[0].children[0].error.has_value());
  EXPECT_NE(fields[0].children[0].error->find("decode_error: ServerHello"), std::string::npos);

  const auto unknown = decode_capture(hex("63 0303 0001 00"));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_NE(unknown[0].error->find("unexpected_message"), std::string::npos);

  const auto cut = decode_capture(hex("16 0303 0010 0100"));
  ASSERT_TRUE(cut.back().error.has_value());
  EXPECT_NE(cut.back().error->find("ends inside a record"), std::string::npos);

  const auto split = decode_capture(handshake_record({hex("01000010 0303")}));
  EXPECT_EQ(split.back().name, "handshake");
  EXPECT_TRUE(split.back().error.has_value());
}

TEST(Decode, AlertsAndSsl2Hello) {
  const std::string alert = to_text(decode_capture(hex("15 0303 0002 0228")));
  EXPECT_NE(alert.find("description: handshake_failure"), std::string::npos) << alert;
  const std::string text = to_text(decode_capture(hex("801f 01 0301 0006 0000 0010 00002f 010080" +
                                                      std::string(32, 'c'))));
  EXPECT_NE(text.find("TLS_RSA_WITH_AES_128_CBC_SHA"), std::string::npos) << text;
  EXPECT_NE(text.find("SSL_CK_RC4_128_WITH_MD5"), std::string::npos) << text;
}

TEST(Decode, JsonHasTheSameFields) {
  const auto fields = decode_capture(hex("15 0303 0002 0228"));
  const auto json = nlohmann::json::parse(to_json(fields));
  ASSERT_TRUE(json.is_array());
  EXPECT_EQ(json[0]["name"], "record");
  EXPECT_EQ(json[0]["offset"], 0);
  EXPECT_EQ(json[0]["fields"][1]["value"], "handshake_failure");
}

TEST(CaptureInput, OpensslMsgTrace) {
  const std::string trace =
      "CONNECTED(00000003)\n"
      ">>> TLS 1.0, RecordHeader [length 0005]\n"
      "    16 03 01 00 04\n"
      ">>> TLS 1.2, Handshake [length 0004], HelloRequest\n"
      "    00 00 00 00\n"
      "<<< TLS 1.2, RecordHeader [length 0005]\n"
      "    15 03 03 00 02\n"
      "<<< TLS 1.2, Alert [length 0002], fatal handshake_failure\n"
      "    02 28\n"
      "---\n";
  const Bytes bytes(trace.begin(), trace.end());
  EXPECT_EQ(read_capture(bytes).records, hex("1603010004 00000000"));
  EXPECT_EQ(read_capture(bytes, TraceDirection::received).records, hex("1503030002 0228"));
  const std::string text = to_text(decode_capture(read_capture(bytes).records, true));
  EXPECT_NE(text.find("HelloRequest"), std::string::npos) << text;
}

// A real `openssl s_client -tls1_2 -msg` trace of a handshake with
// gnutls-serv: both directions decode without a single error.
TEST(CaptureInput, RealTraceBothDirections) {
  std::ifstream in("engine/messages/decode/testdata/s_client_msg_vs_gnutls_serv.txt");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Bytes bytes(text.begin(), text.end());
  for (auto direction : {TraceDirection::sent, TraceDirection::received}) {
    const Capture capture = read_capture(bytes, direction);
    ASSERT_TRUE(capture.decrypted);
    const std::string decoded = to_text(decode_capture(capture.records, capture.decrypted));
    EXPECT_EQ(decoded.find("<--"), std::string::npos) << decoded;
    EXPECT_NE(decoded.find("Finished"), std::string::npos) << decoded;
  }
}

TEST(CaptureInput, HexOrRaw) {
  const std::string text = "# comment\n16 03:03\n 00 01\n00\n";
  EXPECT_EQ(read_capture(Bytes(text.begin(), text.end())).records, hex("1603030001 00"));
  const Bytes raw = {0x16, 0x03, 0x03, 0x00, 0x00};
  EXPECT_EQ(read_capture(raw).records, raw);
  const std::string odd = "abc";
  EXPECT_EQ(read_capture(Bytes(odd.begin(), odd.end())).records, Bytes(odd.begin(), odd.end()));
}

}  // namespace
}  // namespace gauntlet
