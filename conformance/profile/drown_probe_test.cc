// The DROWN probe against our engine's SSL 2.0 server on loopback: strict
// as it is, and made as lenient as OpenSSL before 1.0.2f/g through its Bugs.
#include "conformance/profile/drown_probe.h"

#include <gtest/gtest.h>

#include <thread>

#include "engine/connection/connection.h"
#include "engine/testing/engine_pair.h"
#include "transport/connection_io.h"

namespace gauntlet::conformance {
namespace {

using namespace std::chrono_literals;
using K = Ssl2CipherKind;

// Serves `connections` SSL 2.0 handshakes on a free loopback port.
class Ssl2Server {
 public:
  Ssl2Server(std::shared_ptr<const Config> config, int connections) {
    auto listener = net::listen_tcp("127.0.0.1", 0);
    EXPECT_TRUE(listener.ok());
    port_ = *net::local_port(*listener);
    thread_ = std::thread([l = std::move(listener).value(), config, connections] {
      const auto deadline = net::deadline_in(10s);
      for (int i = 0; i < connections; ++i) {
        auto fd = net::accept_until(l, deadline);
        if (!fd) return;
        Connection c = Connection::server(config);
        (void)net::handshake(c, *fd, deadline);
      }
    });
  }
  ~Ssl2Server() { thread_.join(); }
  Endpoint endpoint() const { return {"127.0.0.1", port_}; }

 private:
  uint16_t port_ = 0;
  std::thread thread_;
};

std::shared_ptr<Config> server_config(std::vector<Ssl2CipherKind> kinds) {
  auto c = test_support::server_config();
  c->min_version = c->max_version = ProtocolVersion::ssl2;
  c->ssl2_cipher_kinds = std::move(kinds);
  return c;
}

const std::vector<Ssl2CipherKind> kListed = {K::rc4_128_with_md5, K::des_192_ede3_cbc_with_md5};

TEST(DrownProbe, StrictServerRefusesBoth) {
  Ssl2Server server(server_config(kListed), 2);
  const DrownFindings d = probe_drown(server.endpoint(), "localhost", kListed, 5000ms);
  EXPECT_EQ(d.accepts_unoffered_kind, false) << d.unoffered_detail;
  EXPECT_EQ(d.accepts_clear_key_bytes, false) << d.clear_key_detail;
  // The unlisted kind asked with is an export one.
  EXPECT_NE(d.unoffered_detail.find("EXPORT40"), std::string::npos) << d.unoffered_detail;
  EXPECT_NE(d.clear_key_detail.find("SSL_CK_RC4_128_WITH_MD5"), std::string::npos);
}

TEST(DrownProbe, LenientServerAcceptsBoth) {
  auto config = server_config(kListed);
  config->bugs.ssl2.accept_unoffered_kind = true;
  config->bugs.ssl2.accept_clear_key_bytes = true;
  Ssl2Server server(config, 2);
  const DrownFindings d = probe_drown(server.endpoint(), "localhost", kListed, 5000ms);
  EXPECT_EQ(d.accepts_unoffered_kind, true) << d.unoffered_detail;
  EXPECT_EQ(d.accepts_clear_key_bytes, true) << d.clear_key_detail;
}

TEST(DrownProbe, NothingToAskWithIsNotAsked) {
  // Only export kinds listed: no kind without clear bytes to send them for;
  // and with every kind listed, no unlisted kind either.
  std::vector<Ssl2CipherKind> all;
  for (const Ssl2CipherKindInfo& k : all_ssl2_cipher_kinds()) all.push_back(k.kind);
  const DrownFindings d = probe_drown({"127.0.0.1", 1}, "", all, 1000ms);
  EXPECT_FALSE(d.accepts_unoffered_kind.has_value());
  const std::vector<Ssl2CipherKind> exports = {K::rc4_128_export40_with_md5,
                                               K::rc2_128_cbc_export40_with_md5};
  Ssl2Server server(server_config(exports), 1);
  const DrownFindings e = probe_drown(server.endpoint(), "localhost", exports, 5000ms);
  EXPECT_FALSE(e.accepts_clear_key_bytes.has_value());
  EXPECT_EQ(e.accepts_unoffered_kind, false) << e.unoffered_detail;
}

}  // namespace
}  // namespace gauntlet::conformance
