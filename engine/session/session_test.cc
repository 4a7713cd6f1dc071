#include "engine/session/session.h"

#include <gtest/gtest.h>

#include <limits>

namespace gauntlet {
namespace {

Session sample() {
  Session s;
  s.id = Bytes(32, 7);
  s.version = ProtocolVersion::tls11;
  s.suite = CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha;
  s.master_secret = Bytes(48, 0xab);
  s.extended_master_secret = true;
  s.server_name = "example.test";
  s.peer_chain = {Bytes{1, 2, 3}, Bytes{4}};
  s.created = 1'700'000'000;
  s.lifetime = 300;
  s.ticket_age_add = 0x01020304;
  s.max_early_data = 16384;
  s.alpn = "h2";
  return s;
}

TEST(Session, StateRoundTripsWithoutIdAndTicket) {
  Session s = sample();
  auto parsed = Session::parse_state(s.serialize_state());
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  s.id.clear();
  EXPECT_EQ(*parsed, s);
}

TEST(Session, EveryTruncationIsRejected) {
  const Bytes state = sample().serialize_state();
  for (size_t n = 0; n < state.size(); ++n)
    EXPECT_FALSE(Session::parse_state(ByteView(state).first(n)).ok()) << n;
}

TEST(Session, TrailingBytesAndUnknownFormatAreRejected) {
  Bytes state = sample().serialize_state();
  state.push_back(0);
  EXPECT_FALSE(Session::parse_state(state).ok());
  state.pop_back();
  state[0] = 99;
  EXPECT_FALSE(Session::parse_state(state).ok());
}

// Format 3, before alpn, is refused as a format too.
TEST(Session, TheLayoutBeforeAlpnIsRefused) {
  Bytes state = sample().serialize_state();
  // format ... max_early_data; then alpn (a length byte and "h2").
  const size_t alpn_at = 1 + 2 + 2 + 1 + 48 + 1 + 1 + 12 + 8 + 4 + 4 + 4;
  ASSERT_EQ(state[alpn_at], 2);
  state.erase(state.begin() + alpn_at, state.begin() + alpn_at + 3);
  state[0] = 3;
  auto parsed = Session::parse_state(state);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().reason.find("unknown format"), std::string::npos)
      << parsed.error().reason;
}

// Format 2, before max_early_data, is refused as a format, never misread.
TEST(Session, TheLayoutBeforeMaxEarlyDataIsRefused) {
  Bytes state = sample().serialize_state();
  // format, version, suite, master secret, ems, name, created, lifetime,
  // ticket_age_add; then max_early_data, which format 2 did not have.
  const size_t max_early_data_at = 1 + 2 + 2 + 1 + 48 + 1 + 1 + 12 + 8 + 4 + 4;
  state.erase(state.begin() + max_early_data_at, state.begin() + max_early_data_at + 4);
  state[0] = 2;
  auto parsed = Session::parse_state(state);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().alert, AlertDescription::decode_error);
  EXPECT_NE(parsed.error().reason.find("unknown format"), std::string::npos)
      << parsed.error().reason;
}

TEST(Session, ExpiresAfterItsLifetimeAndBeforeItsCreation) {
  const Session s = sample();
  EXPECT_FALSE(s.expired(s.created));
  EXPECT_FALSE(s.expired(s.created + 299));
  EXPECT_TRUE(s.expired(s.created + 300));
  EXPECT_TRUE(s.expired(s.created - 1));
}

// A state read from outside may claim any creation time: its age is exact
// (UBSan found the signed difference overflowing through a fuzzed ticket).
TEST(Session, ExpiresWhateverItsCreationTime) {
  Session s = sample();
  s.lifetime = std::numeric_limits<uint32_t>::max();
  s.created = std::numeric_limits<int64_t>::min();
  EXPECT_TRUE(s.expired(1800000000));
  EXPECT_TRUE(s.expired(std::numeric_limits<int64_t>::max()));
  EXPECT_FALSE(s.expired(s.created + s.lifetime - 1));
  s.created = std::numeric_limits<int64_t>::max();
  EXPECT_TRUE(s.expired(std::numeric_limits<int64_t>::min()));
  EXPECT_FALSE(s.expired(s.created));
}

}  // namespace
}  // namespace gauntlet
