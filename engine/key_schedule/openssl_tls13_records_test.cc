// Our TLS 1.3 traffic keys and record protection against a real libssl
// TLS 1.3 connection, for every TLS 1.3 suite (the CCM ones included): from
// the application traffic secrets OpenSSL logs, our keys open the records
// its server writes, and the records we seal are what its server reads.
#include <gtest/gtest.h>

#include <string>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"
#include "engine/registry/cipher_suite.h"
#include "engine/testing/openssl_pair.h"

namespace gauntlet {
namespace {

using test_support::OpenSslPair;

std::unique_ptr<RecordProtection> protection(const CipherSuiteInfo& suite, ByteView secret,
                                             CipherDirection dir) {
  const TrafficKeys keys = traffic_keys(suite.prf_hash, suite.cipher, secret);
  ProtectionParams p;
  p.version = ProtocolVersion::tls13;
  p.cipher = suite.cipher;
  p.key = keys.key;
  p.iv = keys.iv;
  p.direction = dir;
  auto made = make_protection(std::move(p));
  EXPECT_TRUE(made.ok()) << made.error().to_string();
  return std::move(*made);
}

class Tls13Records : public testing::TestWithParam<const char*> {};

TEST_P(Tls13Records, OurKeysSpeakWithLibssl) {
  OpenSslPair pair;
  pair.restrict_version(TLS1_3_VERSION);
  ASSERT_TRUE(pair.set_ciphersuites(GetParam()));
  // No tickets, so the server's first application record is sequence 0.
  SSL_CTX_set_num_tickets(pair.server_ctx(), 0);
  ASSERT_TRUE(pair.handshake());
  const CipherSuiteInfo* suite = pair.suite();
  ASSERT_NE(suite, nullptr);
  EXPECT_EQ(suite->iana, GetParam());

  // Server to client: libssl seals, we open, several records in a row.
  auto reader =
      protection(*suite, pair.logged_secret("SERVER_TRAFFIC_SECRET_0"), CipherDirection::decrypt);
  for (const std::string& text :
       {std::string("first"), std::string("second record"), std::string(3000, 'x')}) {
    const std::vector<Record> records = pair.server_writes(text);
    ASSERT_EQ(records.size(), 1u);
    auto opened = reader->open(records[0].type, records[0].version, records[0].fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(opened->type, ContentType::application_data);
    EXPECT_EQ(std::string(opened->plaintext.begin(), opened->plaintext.end()), text);
  }

  // Client to server: we seal, libssl opens.
  auto writer =
      protection(*suite, pair.logged_secret("CLIENT_TRAFFIC_SECRET_0"), CipherDirection::encrypt);
  for (const std::string text : {"hello", "again"}) {
    auto body = writer->seal(ContentType::application_data, ProtocolVersion::tls12,
                             Bytes(text.begin(), text.end()));
    ASSERT_TRUE(body.ok()) << body.error().to_string();
    EXPECT_EQ(pair.server_reads(
                  write_record(ContentType::application_data, ProtocolVersion::tls12, *body)),
              text);
  }
  ERR_clear_error();
}

INSTANTIATE_TEST_SUITE_P(Suites, Tls13Records,
                         testing::Values("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                                         "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256",
                                         "TLS_AES_128_CCM_8_SHA256"));

}  // namespace
}  // namespace gauntlet
