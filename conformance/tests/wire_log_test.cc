// Transcript names for the records of either framing.
#include "conformance/runner/wire_log.h"

#include <gtest/gtest.h>

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
