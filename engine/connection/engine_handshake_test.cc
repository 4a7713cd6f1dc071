// Engine client against engine server: every version, key exchange and
// cipher, including what Debian's OpenSSL 3 no longer speaks (SSL 3.0, 3DES,
// RC4, DHE_DSS).
#include <gtest/gtest.h>

#include "engine/connection/negotiation.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using test_support::client_config;
using test_support::handshake;
using test_support::pump;
using test_support::server_config;

struct Case {
  ProtocolVersion version;
  CipherSuite suite;
};

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (const CipherSuite s : all_engine_cipher_suites()) {
    for (const ProtocolVersion v : {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                    ProtocolVersion::tls11, ProtocolVersion::tls12}) {
      if (suite_usable(*cipher_suite_info(s), v)) out.push_back({v, s});
    }
  }
  return out;
}

class EngineHandshake : public testing::TestWithParam<Case> {};

TEST_P(EngineHandshake, CompletesAndCarriesData) {
  auto client = client_config();
  client->min_version = client->max_version = GetParam().version;
  client->cipher_suites = {GetParam().suite};
  auto p = handshake(client, server_config());
  ASSERT_TRUE(p.completed()) << "client: " << (p.client.error() ? p.client.error()->to_string() : "")
                             << " server: "
                             << (p.server.error() ? p.server.error()->to_string() : "");
  EXPECT_EQ(p.client.negotiated().version, GetParam().version);
  EXPECT_EQ(p.client.negotiated().suite, GetParam().suite);
  EXPECT_EQ(p.client.negotiated().master_secret, p.server.negotiated().master_secret);

  ASSERT_TRUE(p.client.write(Bytes(40000, 'c')).ok());
  ASSERT_TRUE(p.server.write(Bytes{'s'}).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes(40000, 'c'));
  EXPECT_EQ(p.client.read(), Bytes{'s'});

  p.client.close();
  ASSERT_TRUE(pump(p.client, p.server));
  EXPECT_TRUE(p.server.peer_closed());
  EXPECT_TRUE(p.client.peer_closed());
  EXPECT_EQ(p.server.state(), ConnectionState::closed);
  EXPECT_FALSE(p.server.error());
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  std::string name = iana_name(info.param.version) + "_" + iana_name(info.param.suite);
  for (char& ch : name)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllSuites, EngineHandshake, testing::ValuesIn(all_cases()), case_name);

}  // namespace
}  // namespace gauntlet
