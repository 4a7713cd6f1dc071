// Our TLS 1.3 record padding policies (RFC 8446 §5.4, Config::tls13_padding)
// against libssl both ways: each policy gives the record length it promises,
// and libssl strips the padding of every one, in the handshake and after it.
#include <gtest/gtest.h>

#include "engine/openssl_peer/openssl_peer.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::pump;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

const std::string kPki = "engine/crypto/testdata/";
using Mode = RecordPadding::Mode;

// A record of "hi" under TLS_AES_128_GCM_SHA256: header, inner plaintext
// (content, type byte, padding), tag.
constexpr size_t kHeader = 5, kTag = 16;

struct Policy {
  RecordPadding padding;
  size_t min_record, max_record;
};

const Policy kPolicies[] = {
    {{Mode::none, 0}, kHeader + 3 + kTag, kHeader + 3 + kTag},
    {{Mode::to_block, 64}, kHeader + 64 + kTag, kHeader + 64 + kTag},
    {{Mode::random, 0}, kHeader + 3 + kTag, kHeader + 16385 + kTag},
    {{Mode::maximal, 0}, kHeader + 16385 + kTag, kHeader + 16385 + kTag},
};

OpenSslOptions openssl_tls13() {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.ciphersuites = "TLS_AES_128_GCM_SHA256";
  o.tickets = false;
  o.ca_file = kPki + "root-ca.pem";
  return o;
}

// Our "hi" is one record of the promised length, which libssl reads.
void check_record(Connection& ours, OpenSslPeer& theirs, const Policy& policy) {
  ASSERT_TRUE(ours.write(Bytes{'h', 'i'}).ok()) << why(ours);
  const Bytes record = ours.take_output();
  EXPECT_GE(record.size(), policy.min_record);
  EXPECT_LE(record.size(), policy.max_record);
  (void)theirs.exchange(record);
  EXPECT_FALSE(theirs.failed());
  EXPECT_EQ(theirs.take_received(), "hi");
}

TEST(Tls13RecordPadding, OurClientToOpenSsl) {
  for (const Policy& policy : kPolicies) {
    SCOPED_TRACE(static_cast<int>(policy.padding.mode));
    OpenSslOptions o = openssl_tls13();
    o.chain_file = kPki + "server-rsa-chain.pem";
    o.key_file = kPki + "server-rsa.key";
    OpenSslPeer server = OpenSslPeer::server(o);
    ASSERT_TRUE(server.ok());
    auto config = tls13_client();
    config->tls13_padding = policy.padding;
    Connection client = Connection::client(config, {"localhost", std::nullopt});
    ASSERT_TRUE(pump(client, server));
    ASSERT_TRUE(client.handshake_done()) << why(client);
    ASSERT_TRUE(server.handshake_done());
    check_record(client, server, policy);
  }
}

TEST(Tls13RecordPadding, OurServerToOpenSsl) {
  for (const Policy& policy : kPolicies) {
    SCOPED_TRACE(static_cast<int>(policy.padding.mode));
    OpenSslOptions o = openssl_tls13();
    o.server_name = "localhost";
    OpenSslPeer client = OpenSslPeer::client(o);
    ASSERT_TRUE(client.ok());
    auto config = tls13_server();
    config->tls13_padding = policy.padding;
    Connection server = Connection::server(config);
    ASSERT_TRUE(pump(server, client));
    ASSERT_TRUE(server.handshake_done()) << why(server);
    ASSERT_TRUE(client.handshake_done());
    check_record(server, client, policy);
  }
}

}  // namespace
}  // namespace gauntlet
