// Shapes of each version's derivations; the values are checked against
// OpenSSL in openssl_key_schedule_test.
#include <gtest/gtest.h>

#include "engine/crypto/prf.h"
#include "engine/crypto/ssl3.h"
#include "engine/key_schedule/key_schedule.h"

namespace gauntlet {
namespace {

const Bytes kPremaster(48, 3);
const Bytes kClientRandom(32, 1);
const Bytes kServerRandom(32, 2);

Bytes cat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

TEST(KeySchedule, EachVersionUsesItsPrf) {
  const auto sha256 = HashAlgorithm::sha256;
  EXPECT_EQ(master_secret(ProtocolVersion::ssl3, sha256, kPremaster, kClientRandom, kServerRandom),
            ssl3_prf(kPremaster, cat(kClientRandom, kServerRandom), 48));
  EXPECT_EQ(master_secret(ProtocolVersion::tls11, sha256, kPremaster, kClientRandom, kServerRandom),
            prf_tls10(kPremaster, "master secret", cat(kClientRandom, kServerRandom), 48));
  EXPECT_EQ(master_secret(ProtocolVersion::tls12, HashAlgorithm::sha384, kPremaster,
                          kClientRandom, kServerRandom),
            prf_tls12(HashAlgorithm::sha384, kPremaster, "master secret",
                      cat(kClientRandom, kServerRandom), 48));
  EXPECT_EQ(key_block(ProtocolVersion::ssl3, sha256, kPremaster, kClientRandom, kServerRandom, 104),
            ssl3_prf(kPremaster, cat(kServerRandom, kClientRandom), 104))
      << "the key block seeds with the server random first";
}

TEST(KeySchedule, FinishedLengthsAndSenders) {
  Transcript t;
  t.update(Bytes{1, 0, 0, 1, 9});
  const Bytes master(48, 7);
  for (auto v : {ProtocolVersion::ssl3, ProtocolVersion::tls10, ProtocolVersion::tls12}) {
    const Bytes client = finished_verify_data(v, HashAlgorithm::sha256, master, t, Sender::client);
    const Bytes server = finished_verify_data(v, HashAlgorithm::sha256, master, t, Sender::server);
    EXPECT_EQ(client.size(), v == ProtocolVersion::ssl3 ? 36u : 12u);
    EXPECT_NE(client, server);
  }
}

TEST(KeySchedule, SessionHashFormPerVersion) {
  Transcript t;
  t.update(Bytes{1, 0, 0, 0});
  EXPECT_EQ(session_hash(ProtocolVersion::tls10, HashAlgorithm::sha256, t).size(), 36u);
  EXPECT_EQ(session_hash(ProtocolVersion::tls12, HashAlgorithm::sha384, t).size(), 48u);
  const Bytes sh = session_hash(ProtocolVersion::tls12, HashAlgorithm::sha256, t);
  EXPECT_EQ(extended_master_secret(ProtocolVersion::tls12, HashAlgorithm::sha256, kPremaster, sh),
            prf_tls12(HashAlgorithm::sha256, kPremaster, "extended master secret", sh, 48));
}

}  // namespace
}  // namespace gauntlet
