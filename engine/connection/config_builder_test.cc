#include "engine/connection/config_builder.h"

#include <gtest/gtest.h>

#include "engine/crypto/random.h"

namespace gauntlet {
namespace {

const std::string kPki = "engine/crypto/testdata/";

std::shared_ptr<Config> built(ConfigBuilder& b) {
  auto c = b.build();
  EXPECT_TRUE(c.ok()) << c.error().to_string();
  return c.ok() ? std::move(c).value() : nullptr;
}

TEST(ConfigBuilder, StartsFromConfigDefaults) {
  ConfigBuilder b;
  const auto c = built(b);
  ASSERT_TRUE(c);
  const Config defaults;
  EXPECT_EQ(c->min_version, defaults.min_version);
  EXPECT_EQ(c->max_version, defaults.max_version);
  EXPECT_EQ(c->cipher_suites, defaults.cipher_suites);
  EXPECT_EQ(c->renegotiation, defaults.renegotiation);
  EXPECT_EQ(c->client_auth, ClientAuth::none);
  EXPECT_TRUE(c->identities.empty());
  EXPECT_FALSE(c->trust);
  EXPECT_FALSE(c->session_cache);
  EXPECT_FALSE(c->ticket_keys);
  EXPECT_FALSE(c->ticket_store);
  EXPECT_FALSE(c->keylog);
  ASSERT_TRUE(c->random);
  ASSERT_TRUE(c->clock);
}

TEST(ConfigBuilder, SetsPolicies) {
  std::vector<std::string> lines;
  ConfigBuilder b;
  b.versions(ProtocolVersion::ssl3, ProtocolVersion::tls11)
      .cipher_suites({CipherSuite::rsa_with_aes_128_cbc_sha})
      .client_auth(ClientAuth::required)
      .renegotiation(RenegotiationPolicy::refuse)
      .alpn({"h2", "http/1.1"})
      .keylog([&](std::string_view l) { lines.emplace_back(l); });
  const auto c = built(b);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->min_version, ProtocolVersion::ssl3);
  EXPECT_EQ(c->max_version, ProtocolVersion::tls11);
  EXPECT_EQ(c->cipher_suites, std::vector<CipherSuite>{CipherSuite::rsa_with_aes_128_cbc_sha});
  EXPECT_EQ(c->client_auth, ClientAuth::required);
  EXPECT_EQ(c->renegotiation, RenegotiationPolicy::refuse);
  EXPECT_EQ(c->alpn, (std::vector<std::string>{"h2", "http/1.1"}));
  ASSERT_TRUE(c->keylog);
  c->keylog("CLIENT_RANDOM 00 11");
  EXPECT_EQ(lines, std::vector<std::string>{"CLIENT_RANDOM 00 11"});
}

TEST(ConfigBuilder, LoadsIdentitiesInOrderAndTrust) {
  auto ecdsa = load_identity(kPki + "server-ecdsa-chain.pem", kPki + "server-ecdsa.key");
  ASSERT_TRUE(ecdsa.ok());
  ConfigBuilder b;
  b.identity_files(kPki + "server-rsa-chain.pem", kPki + "server-rsa.key")
      .identity(std::move(ecdsa).value())
      .identities({})
      .trust_file(kPki + "root-ca.pem");
  const auto c = built(b);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->identities.size(), 2u);
  EXPECT_EQ(c->identities[0].key.type(), KeyType::rsa);
  EXPECT_EQ(c->identities[1].key.type(), KeyType::ec_p256);
  EXPECT_EQ(c->identities[0].chain.size(), 2u) << "leaf and intermediate";
  ASSERT_TRUE(c->trust);
  // 2027-01-15, inside every test certificate's validity.
  const auto verified =
      verify_chain(*c->trust, c->identities[0].chain, "localhost", 1800000000, Purpose::server);
  EXPECT_TRUE(verified.ok()) << verified.error().to_string();
}

TEST(ConfigBuilder, FirstFileErrorIsTheResult) {
  ConfigBuilder b;
  b.identity_files(kPki + "missing-chain.pem", kPki + "missing.key")
      .trust_file(kPki + "also-missing.pem");
  const auto c = b.build();
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().reason.find("missing-chain.pem"), std::string::npos) << c.error().reason;

  ConfigBuilder t;
  t.trust_file(kPki + "also-missing.pem");
  const auto d = t.build();
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().reason.find("also-missing.pem"), std::string::npos) << d.error().reason;
}

TEST(ConfigBuilder, SessionCacheCapacity) {
  ConfigBuilder b;
  b.session_cache(1);
  const auto c = built(b);
  ASSERT_TRUE(c && c->session_cache);
  Session s;
  s.id = Bytes(32, 1);
  c->session_cache->store(s);
  s.id = Bytes(32, 2);
  c->session_cache->store(s);
  EXPECT_EQ(c->session_cache->size(), 1u);
}

TEST(ConfigBuilder, TicketStoreCapacity) {
  ConfigBuilder b;
  b.ticket_store(1);
  const auto c = built(b);
  ASSERT_TRUE(c && c->ticket_store);
  EXPECT_FALSE(c->session_cache);
  Session s;
  s.id = Bytes(32, 1);
  c->ticket_store->store(s);
  s.id = Bytes(32, 2);
  c->ticket_store->store(s);
  EXPECT_EQ(c->ticket_store->size(), 1u);
}

TEST(ConfigBuilder, DeterministicSourcesAndTicketKeyFromThem) {
  // ticket_keys() before deterministic_random(): the key still comes from
  // the source the Config ends up with, as its first draw.
  ConfigBuilder b;
  b.ticket_keys().deterministic_random(7).fixed_clock(1800000000);
  const auto c = built(b);
  ASSERT_TRUE(c && c->ticket_keys);
  EXPECT_EQ(c->clock->now(), 1800000000);

  DeterministicRandom same(7);
  const TicketKey expected = TicketKey::generate(same);
  EXPECT_EQ(c->random->bytes(8), same.bytes(8)) << "the key was the only draw";
  Session s;
  s.id = Bytes(32, 3);
  s.suite = CipherSuite::rsa_with_aes_128_cbc_sha;
  s.master_secret = Bytes(48, 4);
  s.lifetime = 3600;
  DeterministicRandom iv(1);
  auto ticket = TicketKeys(expected).seal(s, iv);
  ASSERT_TRUE(ticket.ok());
  EXPECT_TRUE(c->ticket_keys->open(*ticket)) << "sealed under the same key";
}

TEST(ConfigBuilder, FromABaseSharesItsState) {
  ConfigBuilder first;
  first.session_cache().ticket_keys().deterministic_random(1).versions(ProtocolVersion::tls10,
                                                                         ProtocolVersion::tls12);
  const auto base = built(first);
  ASSERT_TRUE(base);
  ConfigBuilder next(*base);
  next.versions(ProtocolVersion::tls12, ProtocolVersion::tls12);
  const auto c = built(next);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->session_cache, base->session_cache);
  EXPECT_EQ(c->ticket_keys, base->ticket_keys);
  EXPECT_EQ(c->random, base->random);
  EXPECT_EQ(c->min_version, ProtocolVersion::tls12);
  EXPECT_EQ(base->min_version, ProtocolVersion::tls10);
}

}  // namespace
}  // namespace gauntlet
