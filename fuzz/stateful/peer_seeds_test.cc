// The seeds make_openssl_corpus records from libssl and make_gnutls_corpus
// from GnuTLS: each, fed to its target, gets through the peer's whole
// conversation in fuzzer mode (the handshake, and what follows it) without
// an error, so the fuzzer starts from their flights rather than stopping at
// them. And the engine's own PSK seeds (make_corpus) still resume: their
// PSK identity is a ticket in the session state format of the day, and
// seeds of an older format fall back to full handshakes, leaving the
// server's resumption path unfuzzed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include "fuzz/stateful/settings.h"

namespace gauntlet::fuzzing {
namespace {

Bytes read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

// How many seeds of each peer, so a lost one fails here too.
class PeerSeeds : public testing::TestWithParam<std::pair<std::string, int>> {};

TEST_P(PeerSeeds, EachGetsThroughInFuzzerMode) {
  const auto& [peer, expected] = GetParam();
  int seen = 0;
  for (const std::string role : {"client", "server"}) {
    for (const auto& entry : std::filesystem::directory_iterator("corpora/" + role)) {
      if (!entry.path().filename().string().starts_with(peer + "-")) continue;
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
  EXPECT_EQ(seen, expected);
}

INSTANTIATE_TEST_SUITE_P(Peers, PeerSeeds,
                         testing::Values(std::pair<std::string, int>{"openssl", 11},
                                         std::pair<std::string, int>{"gnutls", 11}),
                         [](const auto& info) { return info.param.first; });

TEST(EngineSeeds, ServerPskSeedsResumeUnderTheTicketsHash) {
  int resumed = 0;
  for (const auto& entry : std::filesystem::directory_iterator("corpora/server_tls13_psk")) {
    if (!entry.path().filename().string().starts_with("TLSv1.3-")) continue;
    SCOPED_TRACE(entry.path().string());
    const Bytes input = read_file(entry.path());
    Reader r(input);
    const std::optional<Settings> s = Settings::parse(r);
    ASSERT_TRUE(s);
    Connection c = Connection::server(server_config(*s));
    run(c, r.rest(), *s);
    if (s->real_keys && !c.handshake_done()) {
      // Under real keys a full handshake (a suite of another hash) stops
      // at the client's recorded Finished: our server signs anew each run
      // (tls13_fuzzer_mode_test).
      ASSERT_TRUE(c.error());
      EXPECT_EQ(c.error()->alert, AlertDescription::decrypt_error);
      continue;
    }
    ASSERT_TRUE(c.handshake_done()) << c.progress();
    // RFC 8446 §4.2.11: a PSK resumes only under a suite of its own hash.
    const bool same_hash = cipher_suite_info(c.negotiated().suite)->prf_hash ==
                           cipher_suite_info(shared_session(*s).suite)->prf_hash;
    EXPECT_EQ(c.negotiated().resumed, same_hash);
    resumed += c.negotiated().resumed;
  }
  EXPECT_GT(resumed, 0);
}

}  // namespace
}  // namespace gauntlet::fuzzing
