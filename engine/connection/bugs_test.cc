// Each deviation of bugs.h does what it says: our engine with the bug, as
// the runner's scripted peer, against our engine without, draws the alert a
// strict stack must send.
#include <gtest/gtest.h>

#include "engine/messages/framing/reassembler.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet {
namespace {

using namespace test_support;
using A = AlertDescription;
using H = HandshakeType;

struct Outcome {
  std::optional<A> client_error, server_error;
};

// `bugs` on the side `who`; the other side is a plain engine.
Outcome run(Role who, const std::function<void(Bugs&)>& set,
            std::vector<CipherSuite> suites = {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256}) {
  auto c = client_config();
  c->cipher_suites = std::move(suites);
  auto s = server_config();
  set((who == Role::client ? c : s)->bugs);
  auto p = handshake(c, s);
  return {p.client.error() ? std::optional(p.client.error()->alert) : std::nullopt,
          p.server.error() ? std::optional(p.server.error()->alert) : std::nullopt};
}

TEST(Bugs, NoneSetChangesNothing) {
  EXPECT_FALSE(Bugs{}.any());
  const Outcome o = run(Role::client, [](Bugs&) {});
  EXPECT_FALSE(o.client_error);
  EXPECT_FALSE(o.server_error);
}

// A body one byte longer or shorter than its structure: decode_error from
// the receiver, whichever message it is (RFC 5246 §7.4).
TEST(Bugs, BadMessageLengths) {
  for (const H type : {H::client_hello, H::client_key_exchange}) {
    SCOPED_TRACE(iana_name(type));
    EXPECT_EQ(run(Role::client, [type](Bugs& b) { b.trailing_byte_in = type; }).server_error,
              A::decode_error);
    EXPECT_EQ(run(Role::client, [type](Bugs& b) { b.truncated_message = type; }).server_error,
              A::decode_error);
  }
  for (const H type : {H::server_hello, H::certificate, H::server_key_exchange, H::server_hello_done}) {
    SCOPED_TRACE(iana_name(type));
    EXPECT_EQ(run(Role::server, [type](Bugs& b) { b.trailing_byte_in = type; }).client_error,
              A::decode_error);
  }
}

// RFC 6066 §3: a session made for one name does not resume under another.
// `server_name` sends the other name (the chain still verified against
// ours), with the session in the cache or a ticket; `resume_other_name` is
// the server that skips the check.
TEST(Bugs, ResumptionUnderAnotherServerName) {
  for (const bool tickets : {false, true}) {
    for (const bool lax : {false, true}) {
      SCOPED_TRACE(std::string(tickets ? "ticket" : "session ID") + (lax ? ", lax" : ""));
      auto s = server_config();
      s->bugs.resume_other_name = lax;
      auto c = client_config();
      c->offer_tickets = tickets;
      auto first = handshake(c, s);
      ASSERT_TRUE(first.completed());
      auto other = client_config();
      other->offer_tickets = tickets;
      other->bugs.server_name = "other.localhost";
      auto second = handshake(other, s, {"localhost", first.client.session()});
      ASSERT_TRUE(second.completed()) << why(second.client) << " / " << why(second.server);
      EXPECT_EQ(second.client.negotiated().resumed, lax);
    }
  }
}

TEST(Bugs, ClientHelloFields) {
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.client_version = 0x0200; }).server_error,
            A::protocol_version);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.compression_methods = {{1}}; }).server_error,
            A::illegal_parameter);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.session_id = Bytes(33, 1); }).server_error,
            A::decode_error);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.duplicate_extension = true; }).server_error,
            A::illegal_parameter);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.cipher_suites = {{0x0a0a, 0xfefe}}; }).server_error,
            A::handshake_failure);
  // Unknown suites and extensions beside known ones are tolerated.
  const Outcome tolerant = run(Role::client, [](Bugs& b) {
    b.cipher_suites = {{0x0a0a, 0xc02f}};
    b.extra_extensions = {{0x1a1a, {}}, {0xfe00, Bytes(7, 3)}};
  });
  EXPECT_FALSE(tolerant.server_error);
}

// Our ClientHello's extensions in another order are still a ClientHello
// (RFC 8446 §4.2 lets them come in any order but pre_shared_key's).
TEST(Bugs, ExtensionOrder) {
  auto c = client_config();
  c->bugs.extension_order = {0xff01, 0x000a};
  EXPECT_TRUE(c->bugs.any());
  auto client = Connection::client(c, {"localhost", std::nullopt});
  const Bytes out = client.take_output();
  auto ch = ClientHello::parse(ByteView(out).subspan(9));  // record and message headers
  ASSERT_TRUE(ch.ok() && ch->extensions);
  EXPECT_EQ(ch->extensions->list[0].type, ExtensionType::renegotiation_info);
  EXPECT_EQ(ch->extensions->list[1].type, ExtensionType::supported_groups);
  EXPECT_FALSE(
      run(Role::client, [](Bugs& b) { b.extension_order = {0xff01, 0x000a}; }).server_error);
}

// The handshake messages in plaintext records of `wire`, in order.
std::vector<HandshakeMessage> plaintext_messages(const Bytes& wire) {
  std::vector<HandshakeMessage> out;
  Reader in(wire);
  HandshakeReassembler messages;
  while (!in.empty()) {
    uint8_t type = 0;
    uint16_t version = 0;
    Bytes body;
    if (!in.u8(type) || !in.u16(version) || !in.vec16(body) || type != 22) break;
    EXPECT_TRUE(messages.add(body));
    while (auto m = messages.next()) {
      if (!m->has_value()) break;
      out.push_back(std::move(**m));
    }
  }
  return out;
}

TEST(Bugs, WrittenClientHelloIsSentAsWritten) {
  auto c = client_config();
  c->bugs.written_hello = WrittenHello{
      0x0302, Bytes(32, 0xab), Bytes{1, 2, 3}, {0x0a0a, 0x002f}, {0, 0x40},
      std::vector<std::pair<uint16_t, Bytes>>{{0xff01, {0}}, {0x1a1a, {7, 7}}}};
  auto client = Connection::client(c, {"localhost", std::nullopt});
  const auto sent = plaintext_messages(client.take_output());
  ASSERT_EQ(sent.size(), 1u);
  auto ch = ClientHello::parse(sent[0].body);
  ASSERT_TRUE(ch.ok()) << ch.error().reason;
  EXPECT_EQ(static_cast<uint16_t>(ch->legacy_version), 0x0302);
  EXPECT_EQ(ch->random, Bytes(32, 0xab));
  EXPECT_EQ(ch->session_id, (Bytes{1, 2, 3}));
  EXPECT_EQ(ch->cipher_suites, (std::vector<CipherSuite>{static_cast<CipherSuite>(0x0a0a),
                                                         CipherSuite::rsa_with_aes_128_cbc_sha}));
  EXPECT_EQ(ch->compression_methods.size(), 2u);
  ASSERT_TRUE(ch->extensions);
  ASSERT_EQ(ch->extensions->list.size(), 2u);
  EXPECT_EQ(static_cast<uint16_t>(ch->extensions->list[1].type), 0x1a1a);
}

// With no extensions block at all, the hello ends after its compression
// methods (RFC 5246 §7.4.1.2), and a TLS 1.2 server still answers it; our
// client carries on from the hello as written, its random included.
TEST(Bugs, WrittenClientHelloWithoutExtensionsBlock) {
  auto c = client_config();
  c->cipher_suites = {CipherSuite::rsa_with_aes_128_cbc_sha};
  c->extended_master_secret = false;
  c->secure_renegotiation = false;
  c->bugs.written_hello = WrittenHello{0x0303, Bytes(32, 0), {}, {0x002f}, {0}, std::nullopt};
  auto client = Connection::client(c, {"localhost", std::nullopt});
  const Bytes out = client.take_output();
  const auto sent = plaintext_messages(out);
  ASSERT_EQ(sent.size(), 1u);
  // version, random, empty session ID, one suite, one method: nothing after.
  EXPECT_EQ(sent[0].body.size(), 2u + 32 + 1 + 4 + 2);
  auto p = handshake(c, server_config());
  EXPECT_TRUE(p.client.handshake_done()) << why(p.client) << why(p.server);
}

TEST(Bugs, WrittenServerHello) {
  const Outcome o = run(
      Role::server,
      [](Bugs& b) {
        b.written_hello = WrittenHello{0x0303, Bytes(32, 0), Bytes(32, 9), {0x002f}, {1}, {}};
      },
      {CipherSuite::rsa_with_aes_128_cbc_sha});
  // Compression method 1 was never offered (RFC 5246 §7.4.1.3).
  EXPECT_EQ(o.client_error, A::illegal_parameter);
}

// Messages slipped into a flight go out where they are put, each in its own
// record, and the peer judges them: a HelloRequest inside the server's
// flight is ignored (RFC 5246 §7.4.1.1); an unknown type is unexpected.
TEST(Bugs, InsertedMessages) {
  auto s = server_config();
  s->bugs.inserted_messages = {{H::server_hello_done, false, 0, {}},
                               {H::server_hello_done, true, 0x63, {1, 2}}};
  auto server = Connection::server(s);
  auto client = Connection::client(client_config(), {"localhost", std::nullopt});
  ASSERT_TRUE(server.receive(client.take_output()));
  std::vector<uint8_t> types;
  for (const auto& m : plaintext_messages(server.take_output())) {
    types.push_back(static_cast<uint8_t>(m.type));
  }
  EXPECT_EQ(types, (std::vector<uint8_t>{2, 11, 12, 0, 14, 0x63}));

  EXPECT_FALSE(run(Role::server, [](Bugs& b) {
                 b.inserted_messages = {{H::server_hello_done, false, 0, {}}};
               }).client_error);
  EXPECT_EQ(run(Role::server, [](Bugs& b) {
              b.inserted_messages = {{H::certificate, true, 0x63, {}}};
            }).client_error,
            A::unexpected_message);
  EXPECT_EQ(run(Role::client, [](Bugs& b) {
              b.inserted_messages = {{H::client_key_exchange, false, 0x63, {}}};
            }).server_error,
            A::unexpected_message);
}

// Bugs::tamper is armed as the connection opens, so it reaches the
// ClientHello; `message` picks the record that opens that message.
TEST(Bugs, TamperFromTheStartByMessage) {
  auto c = client_config();
  c->bugs.tamper = RecordTamper{ContentType::handshake, 0, TamperAction::change_type, H::client_hello};
  auto client = Connection::client(c, {"localhost", std::nullopt});
  EXPECT_EQ(client.take_output().front(), 99);

  auto s = server_config();
  s->bugs.tamper =
      RecordTamper{ContentType::handshake, 0, TamperAction::change_type, H::server_hello_done};
  auto server = Connection::server(s);
  auto plain = Connection::client(client_config(), {"localhost", std::nullopt});
  ASSERT_TRUE(server.receive(plain.take_output()));
  const Bytes flight = server.take_output();
  // Every record of the flight as sent but the one opening ServerHelloDone.
  std::vector<std::pair<uint8_t, uint8_t>> records;  // (content type, first body byte)
  for (Reader in(flight); !in.empty();) {
    uint8_t type = 0;
    uint16_t version = 0;
    Bytes body;
    ASSERT_TRUE(in.u8(type) && in.u16(version) && in.vec16(body));
    records.emplace_back(type, body.at(0));
  }
  EXPECT_EQ(records, (std::vector<std::pair<uint8_t, uint8_t>>{{22, 2}, {22, 11}, {22, 12}, {99, 14}}));
}

// A man in the middle lowering the offered version: the server, which saw
// TLS 1.0, cannot verify the client's Finished over the hello it built
// (RFC 5246 §7.4.9). With the extended master secret (RFC 7627 §4), or with
// RSA key exchange, whose premaster carries the version the client offered
// (§7.4.7.1), the keys already differ and the Finished record fails to open.
TEST(Bugs, RewriteInFlightShowsAtFinished) {
  struct Row {
    CipherSuite suite;
    bool ems;
    A alert;
  };
  for (const Row& row : {Row{CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha, false, A::decrypt_error},
                         Row{CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha, true, A::bad_record_mac},
                         Row{CipherSuite::rsa_with_aes_128_cbc_sha, false, A::bad_record_mac}}) {
    auto c = client_config();
    c->cipher_suites = {row.suite};
    c->extended_master_secret = row.ems;
    c->bugs.client_version = 0x0301;
    c->bugs.rewrite_in_flight = true;
    auto p = handshake(c, server_config());
    ASSERT_TRUE(p.server.error());
    EXPECT_EQ(p.server.error()->alert, row.alert) << iana_name(row.suite) << " ems " << row.ems;
    EXPECT_FALSE(p.client.handshake_done());
  }
}

TEST(Bugs, ServerHelloFields) {
  EXPECT_EQ(run(Role::server, [](Bugs& b) { b.server_version = 0x0304; }).client_error,
            A::protocol_version);
  EXPECT_EQ(run(Role::server, [](Bugs& b) { b.server_suite = 0xc030; }).client_error,
            A::illegal_parameter);
  EXPECT_EQ(run(Role::server, [](Bugs& b) { b.extra_extensions = {{0x1a1a, {}}}; }).client_error,
            A::unsupported_extension);
}

TEST(Bugs, ServerChoosesACurveTheClientDidNotOffer) {
  auto c = client_config();
  c->groups = {NamedGroup::x25519};
  auto s = server_config();
  s->bugs.server_group = NamedGroup::secp384r1;
  auto p = handshake(c, s);
  ASSERT_TRUE(p.client.error());
  EXPECT_EQ(p.client.error()->alert, A::illegal_parameter);
}

TEST(Bugs, KeyExchangeValues) {
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.public_value = Bytes{1}; },
                {CipherSuite::dhe_rsa_with_aes_128_gcm_sha256})
                .server_error,
            A::illegal_parameter);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.public_value = Bytes(32, 0); }).server_error,
            A::illegal_parameter);
}

// p - 1 and p of whatever group is in use (RFC 7919 §5.1: 1 < Y < p - 1).
TEST(Bugs, DhEdgeValuesComeFromTheGroupInUse) {
  Bugs b;
  EXPECT_EQ(dh_public_value_as_sent(b, {0xab, 0x00}, {7}), Bytes{7});
  b.public_value = Bytes{9};
  EXPECT_EQ(dh_public_value_as_sent(b, {0xab, 0x00}, {7}), Bytes{9});
  b.dh_public_edge = DhEdge::p_minus_1;
  EXPECT_EQ(dh_public_value_as_sent(b, {0xab, 0x00}, {7}), (Bytes{0xaa, 0xff}));
  b.dh_public_edge = DhEdge::p;
  EXPECT_EQ(dh_public_value_as_sent(b, {0xab, 0x00}, {7}), (Bytes{0xab, 0x00}));
  for (const DhEdge edge : {DhEdge::p_minus_1, DhEdge::p}) {
    EXPECT_EQ(run(Role::client, [edge](Bugs& b) { b.dh_public_edge = edge; },
                  {CipherSuite::dhe_rsa_with_aes_128_gcm_sha256})
                  .server_error,
              A::illegal_parameter);
    EXPECT_EQ(run(Role::server, [edge](Bugs& b) { b.dh_public_edge = edge; },
                  {CipherSuite::dhe_rsa_with_aes_128_gcm_sha256})
                  .client_error,
              A::illegal_parameter);
  }
}

TEST(Bugs, EveryBadPremasterFailsAtFinishedAlike) {
  for (const auto kind : {BadPremaster::wrong_first_byte, BadPremaster::wrong_block_type,
                          BadPremaster::no_separator, BadPremaster::zero_in_padding,
                          BadPremaster::wrong_length, BadPremaster::zero_ciphertext,
                          BadPremaster::short_ciphertext}) {
    const Outcome o = run(Role::client, [&](Bugs& b) { b.bad_premaster = kind; },
                          {CipherSuite::rsa_with_aes_128_cbc_sha});
    EXPECT_EQ(o.server_error, A::bad_record_mac) << static_cast<int>(kind);
  }
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.premaster_version = 0x0301; },
                {CipherSuite::rsa_with_aes_128_cbc_sha})
                .server_error,
            A::bad_record_mac);
}

TEST(Bugs, MessageOrder) {
  EXPECT_EQ(run(Role::server, [](Bugs& b) { b.skip_message = H::certificate; }).client_error,
            A::unexpected_message);
  EXPECT_EQ(run(Role::server, [](Bugs& b) { b.duplicate_message = H::server_hello; }).client_error,
            A::unexpected_message);
  EXPECT_EQ(run(Role::server, [](Bugs& b) { b.early_change_cipher_spec = H::certificate; })
                .client_error,
            A::unexpected_message);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.skip_change_cipher_spec = true; }).server_error,
            A::unexpected_message);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.application_data_before_finished = true; })
                .server_error,
            A::unexpected_message);
}

TEST(Bugs, Finished) {
  auto cbc = std::vector{CipherSuite::rsa_with_aes_128_cbc_sha};
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.corrupt_finished = true; }, cbc).server_error,
            A::decrypt_error);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.truncate_finished = true; }, cbc).server_error,
            A::decode_error);
}

TEST(Bugs, RecordShapesAreTolerated) {
  EXPECT_FALSE(run(Role::client, [](Bugs& b) { b.handshake_fragment = 1; }).server_error);
  EXPECT_FALSE(run(Role::server, [](Bugs& b) { b.handshake_fragment = 3; }).client_error);
  const Outcome coalesced = run(Role::server, [](Bugs& b) { b.coalesce_handshake = true; });
  EXPECT_FALSE(coalesced.client_error);
  EXPECT_FALSE(coalesced.server_error);
  EXPECT_EQ(run(Role::client, [](Bugs& b) { b.record_version = 0x0200; }).server_error,
            A::protocol_version);
}

class Tamper : public testing::TestWithParam<std::tuple<TamperAction, CipherSuite, A>> {};

TEST_P(Tamper, ApplicationDataRecord) {
  const auto [action, suite, alert] = GetParam();
  auto c = client_config();
  c->cipher_suites = {suite};
  auto p = handshake(c, server_config());
  ASSERT_TRUE(p.completed());
  p.client.tamper_next({ContentType::application_data, 0, action, std::nullopt});
  ASSERT_TRUE(p.client.write(Bytes(64, 'x')).ok());
  ASSERT_TRUE(pump(p.client, p.server));
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, alert);
  EXPECT_TRUE(p.server.read().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Actions, Tamper,
    testing::Values(
        std::tuple{TamperAction::flip_last_byte, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                   A::bad_record_mac},
        std::tuple{TamperAction::flip_first_byte, CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha256,
                   A::bad_record_mac},
        std::tuple{TamperAction::flip_padding, CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha,
                   A::bad_record_mac},
        std::tuple{TamperAction::flip_last_byte, CipherSuite::rsa_with_rc4_128_sha,
                   A::bad_record_mac},
        std::tuple{TamperAction::truncate, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                   A::bad_record_mac},
        std::tuple{TamperAction::extend, CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha,
                   A::bad_record_mac},
        std::tuple{TamperAction::oversize, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                   A::record_overflow},
        std::tuple{TamperAction::change_type, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                   A::unexpected_message},
        std::tuple{TamperAction::change_version, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                   A::protocol_version}));

}  // namespace
}  // namespace gauntlet
