// TLS 1.3 in fuzzer mode: engine against engine, each setting the seeds
// cover completes and does what the setting says (a HelloRetryRequest,
// resumption in the mode asked, client authentication in or after the
// handshake, 0-RTT data taken); and each side's stateful target, fed what
// its peer sent, gets as far, so the seeds take the fuzzer past Finished
// (under real keys, in a full handshake, the server target up to the
// client's Finished).
#include <gtest/gtest.h>

#include "fuzz/stateful/conversation.h"

namespace gauntlet::fuzzing {
namespace {

// The shared session resumes under a suite of its hash only (RFC 8446
// §4.2.11); under another the handshake is a full one.
bool resumes(const Settings& s, CipherSuite suite) {
  return s.resumption && cipher_suite_info(suite)->prf_hash ==
                             cipher_suite_info(shared_session(s).suite)->prf_hash;
}

// 0-RTT data is taken under the shared session's ticket, in its suite, in a
// handshake without a HelloRetryRequest (§4.2.10).
bool takes_early_data(const Settings& s, CipherSuite suite) {
  return s.early_data && !s.hello_retry && resumes(s, suite) && suite == shared_session(s).suite;
}

void expect_setting(const Negotiated& n, const Settings& s) {
  EXPECT_EQ(n.version, ProtocolVersion::tls13);
  EXPECT_EQ(n.hello_retry, s.hello_retry);
  EXPECT_EQ(n.resumed, resumes(s, n.suite));
  EXPECT_EQ(n.early_data_accepted, takes_early_data(s, n.suite));
  if (n.resumed) {
    EXPECT_EQ(n.psk_mode, s.psk_ke ? PskKeyExchangeMode::psk_ke : PskKeyExchangeMode::psk_dhe_ke);
  }
}

class Tls13FuzzerMode : public testing::TestWithParam<std::pair<std::string, Settings>> {};

TEST_P(Tls13FuzzerMode, EngineToEngineCompletes) {
  const Settings& s = GetParam().second;
  for (const CipherSuite suite : tls13_cipher_suites()) {
    SCOPED_TRACE(iana_name(suite));
    const Conversation t = converse(s, [&](Config& c) { c.cipher_suites = {suite}; }, false);
    ASSERT_TRUE(t.completed);
    expect_setting(t.client, s);
    expect_setting(t.server, s);
    EXPECT_EQ(t.client.suite, suite);
    // The server holds the client's chain once it asked, in the handshake
    // or after it (RFC 8446 §4.4.2, §4.6.2).
    const bool asked = s.client_auth || (s.post_handshake_auth && s.after_handshake);
    EXPECT_EQ(t.server.peer_chain.empty(), !asked || resumes(s, suite));
  }
}

TEST_P(Tls13FuzzerMode, EachTargetFedItsPeersBytesGetsAsFar) {
  const Settings& s = GetParam().second;
  const Conversation t = converse(s, [](Config&) {}, false);
  ASSERT_TRUE(t.completed);

  Connection client = Connection::client(client_config(s), client_options(s));
  (void)client.take_output();
  run(client, t.from_server, s);
  ASSERT_TRUE(client.handshake_done()) << client.progress();
  expect_setting(client.negotiated(), s);
  EXPECT_FALSE(client.error()) << client.error()->to_string();

  Connection server = Connection::server(server_config(s));
  run(server, t.from_client, s);
  if (s.real_keys && !resumes(s, t.server.suite)) {
    // Our server's signature is new each time (ECDSA's k, RSA-PSS's salt,
    // from libcrypto), so the client's recorded CertificateVerify and
    // Finished cover another transcript: the server opens the client's
    // records under the handshake keys and stops at the first (§4.4.3,
    // §4.4.4). Resuming, it signs nothing and gets through.
    ASSERT_TRUE(server.error());
    EXPECT_EQ(server.error()->alert, AlertDescription::decrypt_error)
        << server.error()->to_string();
    return;
  }
  ASSERT_TRUE(server.handshake_done()) << server.progress();
  expect_setting(server.negotiated(), s);
  EXPECT_FALSE(server.error()) << server.error()->to_string();
  EXPECT_EQ(server.negotiated().peer_chain.size(), t.server.peer_chain.size());
}

// key_update_each_record: the server's write after its tickets goes under a
// new key, one KeyUpdate more than after_handshake's (§4.6.3).
TEST(Tls13FuzzerModeOptions, KeyUpdateBeforeAWriteOnASpentKey) {
  Settings s;
  s.max_version = ProtocolVersion::tls13;
  s.after_handshake = s.tickets = true;
  const Conversation asked = converse(s, [](Config&) {}, false);
  s.key_update_each_record = true;
  const Conversation each = converse(s, [](Config&) {}, false);
  ASSERT_TRUE(asked.completed && each.completed);
  // Asked for: the server's own and its answer to the client's.
  EXPECT_EQ(asked.client_read_key_updates, 2u);
  EXPECT_EQ(each.client_read_key_updates, 3u);
}

INSTANTIATE_TEST_SUITE_P(Settings, Tls13FuzzerMode, testing::ValuesIn(tls13_settings()),
                         [](const auto& info) {
                           std::string name = info.param.first;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace gauntlet::fuzzing
