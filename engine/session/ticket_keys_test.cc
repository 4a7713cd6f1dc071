#include "engine/session/ticket_keys.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

Session sample() {
  Session s;
  s.version = ProtocolVersion::tls12;
  s.suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256;
  s.master_secret = Bytes(48, 0x5a);
  s.created = 1000;
  s.lifetime = 7200;
  return s;
}

TEST(TicketKeys, SealedTicketOpensToTheSameSession) {
  DeterministicRandom random(1);
  TicketKeys keys(TicketKey::generate(random));
  auto ticket = keys.seal(sample(), random);
  ASSERT_TRUE(ticket.ok());
  auto opened = keys.open(*ticket);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->session, sample());
  EXPECT_FALSE(opened->older_key);
}

TEST(TicketKeys, AnyFlippedBitIsRefused) {
  DeterministicRandom random(2);
  TicketKeys keys(TicketKey::generate(random));
  const Bytes ticket = keys.seal(sample(), random).value();
  for (size_t i = 0; i < ticket.size(); ++i) {
    Bytes bad = ticket;
    bad[i] ^= 0x01;
    EXPECT_FALSE(keys.open(bad)) << i;
  }
  EXPECT_FALSE(keys.open(ByteView(ticket).first(ticket.size() - 1)));
  EXPECT_FALSE(keys.open({}));
}

TEST(TicketKeys, RotationKeepsOldKeysUntilRetired) {
  DeterministicRandom random(3);
  TicketKeys keys(TicketKey::generate(random), 2);
  const Bytes first = keys.seal(sample(), random).value();
  keys.rotate(TicketKey::generate(random));
  ASSERT_TRUE(keys.open(first));
  EXPECT_TRUE(keys.open(first)->older_key);
  const Bytes second = keys.seal(sample(), random).value();
  EXPECT_FALSE(keys.open(second)->older_key);
  EXPECT_NE(Bytes(first.begin(), first.begin() + 16), Bytes(second.begin(), second.begin() + 16));
  keys.rotate(TicketKey::generate(random));
  EXPECT_FALSE(keys.open(first));
  ASSERT_TRUE(keys.open(second));
  EXPECT_TRUE(keys.open(second)->older_key);
}

TEST(TicketKeys, AnotherServersKeyIsRefused) {
  DeterministicRandom random(4);
  TicketKeys ours(TicketKey::generate(random));
  TicketKeys theirs(TicketKey::generate(random));
  EXPECT_FALSE(ours.open(theirs.seal(sample(), random).value()));
}

}  // namespace
}  // namespace gauntlet
