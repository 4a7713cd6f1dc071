// Transcript names for the records of either framing.
#include "conformance/runner/wire_log.h"

#include <gtest/gtest.h>

#include "engine/messages/handshake/server_hello.h"

namespace gauntlet::conformance {
namespace {

TEST(WireLog, NamesTlsRecordsAndKeepsAPartialOne) {
  WireLog log;
  EXPECT_EQ(log.describe(Bytes{22, 3, 3, 0, 4, 2, 0, 0, 0, 21, 3}),
            "handshake 4 (server_hello), partial record");
  EXPECT_EQ(log.describe(Bytes{3, 0, 2, 2, 70}), "alert 2 (fatal protocol_version)");
  EXPECT_EQ(log.describe(Bytes{20, 3, 3, 0, 1, 1, 22, 3, 3, 0, 1, 9}),
            "change_cipher_spec 1, handshake 1 (encrypted)");
}

// A HelloRetryRequest is told by its random and shown field by field; a
// TLS 1.3 compatibility ChangeCipherSpec leaves the second ClientHello and
// a two-byte alert readable.
TEST(WireLog, ShowsAHelloRetryRequestFieldByField) {
  Bytes hrr{22, 3, 3, 0, 56, 2, 0, 0, 52, 3, 3};
  hrr.insert(hrr.end(), kHelloRetryRequestRandom.begin(), kHelloRetryRequestRandom.end());
  const Bytes rest{1, 0xaa, 0x13, 0x01, 0, 0, 11, 0, 44, 0, 3, 0, 1, 0xc0, 0, 43, 0, 0};
  hrr.insert(hrr.end(), rest.begin(), rest.end());
  WireLog in;
  EXPECT_EQ(in.describe(hrr),
            "handshake 56 (HelloRetryRequest: legacy_version 0303, session_id aa, "
            "TLS_AES_128_GCM_SHA256, compression 0, extensions [cookie 0001c0, "
            "supported_versions empty])");
  EXPECT_EQ(in.describe(Bytes{20, 3, 3, 0, 1, 1, 22, 3, 3, 0, 4, 2, 0, 0, 0, 21, 3, 3, 0, 2, 2,
                              47, 23, 3, 3, 0, 1, 9}),
            "change_cipher_spec 1, handshake 4 (server_hello), alert 2 (fatal illegal_parameter), "
            "application_data 1 (encrypted)");
  WireLog out;
  EXPECT_EQ(out.describe(Bytes{20, 3, 3, 0, 1, 1, 22, 3, 3, 0, 5, 1, 0, 0, 1, 0}),
            "change_cipher_spec 1, handshake 5 (client_hello)");
  // Each HelloRetryRequest is counted, a second one after the
  // ChangeCipherSpec too; a ServerHello is not one.
  EXPECT_EQ(in.hello_retry_requests(), 1);
  (void)in.describe(hrr);
  EXPECT_EQ(in.hello_retry_requests(), 2);
  EXPECT_EQ(out.hello_retry_requests(), 0);
}

// SSL 2.0 records (2-byte headers): the first one's message is named, later
// ones, which may be encrypted, by size; a TLS alert answer still reads.
TEST(WireLog, NamesSsl2Records) {
  WireLog out;
  EXPECT_EQ(out.describe(Bytes{0x80, 3, 1, 0, 2}), "SSLv2 3 (CLIENT-HELLO)");
  EXPECT_EQ(out.describe(Bytes{0x80, 2, 2, 1}), "SSLv2 2 (CLIENT-MASTER-KEY)");
  EXPECT_EQ(out.describe(Bytes{0x80, 2, 4, 1}), "SSLv2 2");
  WireLog in;
  EXPECT_EQ(in.describe(Bytes{21, 3, 1, 0, 2, 2, 70}), "alert 2 (fatal protocol_version)");
}

}  // namespace
}  // namespace gauntlet::conformance
