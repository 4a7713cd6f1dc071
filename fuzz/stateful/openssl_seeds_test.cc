// The seeds make_openssl_corpus records from libssl: each, fed to its
// target, gets through libssl's whole conversation in fuzzer mode (the
// handshake, and what follows it) without an error, so the fuzzer starts
// from libssl's flights rather than stopping at them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/stateful/settings.h"

namespace gauntlet::fuzzing {
namespace {

Bytes read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

TEST(OpenSslSeeds, EachGetsThroughInFuzzerMode) {
  int seen = 0;
  for (const std::string role : {"client", "server"}) {
    for (const auto& entry : std::filesystem::directory_iterator("corpora/" + role)) {
      if (!entry.path().filename().string().starts_with("openssl-")) continue;
      SCOPED_TRACE(entry.path().string());
      ++seen;
      const Bytes input = read_file(entry.path());
      Reader r(input);
      const std::optional<Settings> s = Settings::parse(r);
      ASSERT_TRUE(s);
      Connection c = role == "client"
                         ? Connection::client(client_config(*s), client_options(*s))
                         : Connection::server(server_config(*s));
      (void)c.take_output();
      run(c, r.rest(), *s);
      EXPECT_TRUE(c.handshake_done()) << c.progress();
      EXPECT_EQ(c.negotiated().version, ProtocolVersion::tls13);
      EXPECT_FALSE(c.error()) << c.error()->to_string();
      if (role == "server" && s->post_handshake_auth) {
        EXPECT_FALSE(c.negotiated().peer_chain.empty());
      }
    }
  }
  EXPECT_EQ(seen, 11);
}

}  // namespace
}  // namespace gauntlet::fuzzing
