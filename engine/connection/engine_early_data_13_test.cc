// TLS 1.3 0-RTT between two engines (RFC 8446 §2.3, §4.2.10): a ticket that
// allows early data carries the client's first bytes, which the server
// reads before the handshake ends; refused (by the server's Config, an
// unknown ticket, a ticket already used for early data, §8.1, a ticket age
// far from the server's, §8.3, or a HelloRetryRequest) they are skipped and
// the handshake completes; more
// than the ticket allows, or more refused data than the server skips, is
// unexpected_message. The early exporter and key log lines match.
#include <gtest/gtest.h>

#include "engine/connection/keying_material.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using test_support::handshake;
using test_support::tls13_client;
using test_support::tls13_server;
using test_support::why;

const Bytes kEarly(300, 'e');

std::shared_ptr<Config> early_server(uint32_t max = 1000) {
  auto s = tls13_server();
  s->max_early_data = max;
  return s;
}

Session ticket_from(std::shared_ptr<Config> client, std::shared_ptr<Config> server) {
  auto p = handshake(client, server);
  EXPECT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.client.tickets().empty());
  return p.client.tickets().empty() ? Session{} : p.client.tickets().front();
}

test_support::EnginePair with_early_data(std::shared_ptr<Config> client,
                                         std::shared_ptr<Config> server, const Session& ticket,
                                         Bytes early = kEarly) {
  return handshake(client, server, {"localhost", ticket, std::move(early)});
}

TEST(Tls13EarlyData, TicketSaysHowMuch) {
  EXPECT_EQ(ticket_from(tls13_client(), early_server(1000)).max_early_data, 1000u);
  EXPECT_EQ(ticket_from(tls13_client(), tls13_server()).max_early_data, 0u);
}

TEST(Tls13EarlyData, Accepted) {
  auto client = tls13_client();
  auto server = early_server();
  auto p = with_early_data(client, server, ticket_from(client, server));
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_TRUE(p.server.negotiated().early_data_accepted);
  EXPECT_TRUE(p.client.negotiated().early_data_accepted);
  EXPECT_TRUE(p.server.negotiated().early_data_offered);
  EXPECT_TRUE(p.client.negotiated().early_data_offered);
  EXPECT_TRUE(p.server.negotiated().resumed);
  EXPECT_EQ(p.server.read(), kEarly);
  ASSERT_TRUE(p.client.write(Bytes{'1'}).ok());
  ASSERT_TRUE(test_support::pump(p.client, p.server));
  EXPECT_EQ(p.server.read(), Bytes{'1'});
}

TEST(Tls13EarlyData, AcceptedInCompatibilityModeAndWithout) {
  for (const bool compat : {true, false}) {
    auto client = tls13_client();
    client->middlebox_compat = compat;
    auto server = early_server();
    auto p = with_early_data(client, server, ticket_from(client, server));
    ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
    EXPECT_EQ(p.server.read(), kEarly) << compat;
  }
}

void expect_refused(const test_support::EnginePair& p) {
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  EXPECT_FALSE(p.server.negotiated().early_data_accepted);
  EXPECT_FALSE(p.client.negotiated().early_data_accepted);
  EXPECT_FALSE(p.server.error());
}

// §4.2.10: a server that takes no early data skips it and goes on.
// The conformance runner seals records of its own under the 0-RTT keys
// only while the client writes early data: from its ClientHello until
// EndOfEarlyData, or until a refusal moves it to the handshake key.
TEST(Tls13EarlyData, SendingEarlyDataUntilTheKeysMove) {
  auto client = tls13_client();
  auto server = early_server();
  const Session ticket = ticket_from(client, server);
  auto accepted = Connection::client(client, {"localhost", ticket, kEarly});
  EXPECT_TRUE(accepted.sending_early_data());
  auto taker = Connection::server(server);
  ASSERT_TRUE(test_support::pump(accepted, taker)) << why(accepted) << " / " << why(taker);
  EXPECT_TRUE(accepted.negotiated().early_data_accepted);
  EXPECT_FALSE(accepted.sending_early_data());

  auto refusing = tls13_server();
  refusing->ticket_keys = server->ticket_keys;
  auto refused = Connection::client(client, {"localhost", ticket, kEarly});
  auto skipper = Connection::server(refusing);
  ASSERT_TRUE(test_support::pump(refused, skipper)) << why(refused) << " / " << why(skipper);
  EXPECT_FALSE(refused.negotiated().early_data_accepted);
  EXPECT_FALSE(refused.sending_early_data());
  EXPECT_FALSE(Connection::client(client, {"localhost", ticket}).sending_early_data());
}

TEST(Tls13EarlyData, RefusedByTheServerIsSkipped) {
  auto client = tls13_client();
  auto issuer = early_server();
  const Session ticket = ticket_from(client, issuer);
  auto refusing = tls13_server();
  refusing->ticket_keys = issuer->ticket_keys;
  auto p = with_early_data(client, refusing, ticket);
  expect_refused(p);
  EXPECT_TRUE(p.server.negotiated().early_data_offered);
  EXPECT_TRUE(p.server.negotiated().resumed);
  EXPECT_TRUE(p.server.read().empty());
}

TEST(Tls13EarlyData, UnknownTicketIsAFullHandshakeWithoutIt) {
  auto client = tls13_client();
  const Session ticket = ticket_from(client, early_server());
  auto other = early_server();
  other->ticket_keys = tls13_server(77)->ticket_keys;
  auto p = with_early_data(client, other, ticket);
  expect_refused(p);
  EXPECT_FALSE(p.server.negotiated().resumed);
}

// §8.1: a ticket carries early data once; replayed, the ClientHello gets a
// 1-RTT handshake.
TEST(Tls13EarlyData, ReplayedTicketIsRefused) {
  auto client = tls13_client();
  auto server = early_server();
  const Session ticket = ticket_from(client, server);
  auto first = with_early_data(client, server, ticket);
  EXPECT_TRUE(first.server.negotiated().early_data_accepted);
  auto again = with_early_data(client, server, ticket);
  expect_refused(again);
  EXPECT_TRUE(again.server.negotiated().resumed);
}

// §8.3: the age the client reports within 10 s of the server's view (its
// clock counts whole seconds: [age, age + 1 s)), or the ticket resumes
// without its early data.
TEST(Tls13EarlyData, TicketAgeFarFromTheServersIsRefused) {
  struct Case {
    uint32_t client_age_ms;
    int64_t server_age_s;
    bool accepted;
  };
  for (const Case k : {Case{10'999, 0, true}, Case{11'000, 0, false}, Case{0, 10, true},
                       Case{0, 11, false}, Case{60'000, 60, true}}) {
    auto client = tls13_client();
    auto server = early_server();
    const Session ticket = ticket_from(client, server);
    auto aged = std::make_shared<Config>(*client);
    aged->bugs.obfuscated_ticket_age = ticket.ticket_age_add + k.client_age_ms;
    auto later = std::make_shared<Config>(*server);
    later->clock = std::make_shared<FixedClock>(test_support::kTestNow + k.server_age_s);
    auto p = with_early_data(aged, later, ticket);
    ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
    EXPECT_TRUE(p.server.negotiated().resumed) << k.client_age_ms << " " << k.server_age_s;
    EXPECT_EQ(p.server.negotiated().early_data_accepted, k.accepted)
        << k.client_age_ms << " " << k.server_age_s;
  }
}

// The client sends no more than the ticket allows.
TEST(Tls13EarlyData, MoreThanTheTicketAllowsIsNotOffered) {
  auto client = tls13_client();
  auto server = early_server(100);
  auto p = with_early_data(client, server, ticket_from(client, server), Bytes(101, 'x'));
  expect_refused(p);
}

// §4.2.10: more than max_early_data_size is unexpected_message.
TEST(Tls13EarlyData, MoreThanAllowedIsUnexpected) {
  auto client = tls13_client();
  auto server = early_server(100);
  Session ticket = ticket_from(client, server);
  ticket.max_early_data = 5000;  // the client thinks it may send more
  auto p = with_early_data(client, server, ticket, Bytes(200, 'x'));
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::unexpected_message);
}

// Bugs::early_data_over_limit: our client as a peer that sends more than
// the ticket allows, which our server refuses (§4.2.10).
TEST(Tls13EarlyData, OverLimitBugSendsItAllAndIsUnexpected) {
  auto client = tls13_client();
  auto server = early_server(100);
  const Session ticket = ticket_from(client, server);
  auto over = std::make_shared<Config>(*client);
  over->bugs.early_data_over_limit = true;
  auto p = with_early_data(over, server, ticket, Bytes(101, 'x'));
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::unexpected_message);
  // Within the limit the knob changes nothing.
  auto within = with_early_data(over, server, ticket_from(client, server), Bytes(100, 'x'));
  ASSERT_TRUE(within.completed()) << why(within.client) << " / " << why(within.server);
  EXPECT_TRUE(within.server.negotiated().early_data_accepted);
}

// Bugs::skip_message covers EndOfEarlyData (it goes through send_message):
// the client's keys change without it, so the server, still reading under
// the early key, cannot open the client's Finished (§4.5, §5.2).
TEST(Tls13EarlyData, EndOfEarlyDataLeftOutIsBadRecordMac) {
  auto client = tls13_client();
  auto server = early_server();
  const Session ticket = ticket_from(client, server);
  auto skipping = std::make_shared<Config>(*client);
  skipping->bugs.skip_message = HandshakeType::end_of_early_data;
  auto p = with_early_data(skipping, server, ticket);
  ASSERT_TRUE(p.server.error());
  EXPECT_EQ(p.server.error()->alert, AlertDescription::bad_record_mac);
}

// §4.2.10: a server answering with a HelloRetryRequest skips the early
// data; the client drops it and retries in the clear without early_data.
// The ticket was not used for early data, so it still carries some later.
TEST(Tls13EarlyData, RefusedByAHelloRetryRequestIsSkipped) {
  for (const bool compat : {true, false}) {
    auto client = tls13_client();
    client->middlebox_compat = compat;
    client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
    auto server = early_server();
    const Session ticket = ticket_from(client, server);
    auto retrying = std::make_shared<Config>(*server);
    retrying->groups = {NamedGroup::secp256r1};
    auto p = with_early_data(client, retrying, ticket);
    expect_refused(p);
    EXPECT_TRUE(p.client.negotiated().hello_retry) << compat;
    EXPECT_TRUE(p.server.negotiated().resumed) << compat;
    EXPECT_TRUE(p.server.read().empty()) << compat;
    auto later = with_early_data(client, server, ticket);
    ASSERT_TRUE(later.completed()) << why(later.client) << " / " << why(later.server);
    EXPECT_TRUE(later.server.negotiated().early_data_accepted) << compat;
  }
}

TEST(Tls13EarlyData, ServerThatAlwaysRetriesSkipsIt) {
  auto client = tls13_client();
  auto server = early_server();
  const Session ticket = ticket_from(client, server);
  auto retrying = std::make_shared<Config>(*server);
  retrying->always_hello_retry = true;
  auto p = with_early_data(client, retrying, ticket);
  expect_refused(p);
  EXPECT_TRUE(p.server.negotiated().hello_retry);
}

// §4.6.1: a server that skips refused data does so up to a bound (at least
// a record's worth, as OpenSSL), then unexpected_message; after a
// HelloRetryRequest too.
TEST(Tls13EarlyData, MoreRefusedDataThanTheServerSkipsIsUnexpected) {
  for (const bool retry : {false, true}) {
    auto client = tls13_client();
    client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
    auto issuer = early_server();
    Session ticket = ticket_from(client, issuer);
    ticket.max_early_data = 100'000;
    auto refusing = tls13_server();
    refusing->ticket_keys = issuer->ticket_keys;
    if (retry) refusing->groups = {NamedGroup::secp256r1};
    auto p = with_early_data(client, refusing, ticket, Bytes(40'000, 'x'));
    ASSERT_TRUE(p.server.error()) << retry;
    EXPECT_EQ(p.server.error()->alert, AlertDescription::unexpected_message) << retry;
  }
}

// §7.5: the early exporter agrees on both sides once 0-RTT data was taken,
// and differs from the exporter; without 0-RTT there is none.
TEST(Tls13EarlyData, EarlyExporterAgrees) {
  auto client = tls13_client();
  auto server = early_server();
  auto p = with_early_data(client, server, ticket_from(client, server));
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  auto ours = export_early_keying_material(p.client.negotiated(), "EXPORTER-early", {}, 32);
  auto theirs = export_early_keying_material(p.server.negotiated(), "EXPORTER-early", {}, 32);
  ASSERT_TRUE(ours.ok() && theirs.ok());
  EXPECT_EQ(*ours, *theirs);
  EXPECT_NE(*ours, *export_keying_material(p.client.negotiated(), "EXPORTER-early", {}, 32));

  auto plain = handshake(client, server);
  EXPECT_FALSE(export_early_keying_material(plain.client.negotiated(), "EXPORTER-early", {}, 32));
}

// NSS key log: both sides log the two early secrets, the same lines.
TEST(Tls13EarlyData, KeyLogLinesForBothEarlySecrets) {
  auto client = tls13_client();
  auto server = early_server();
  const Session ticket = ticket_from(client, server);
  auto client_lines = std::make_shared<std::vector<std::string>>();
  auto server_lines = std::make_shared<std::vector<std::string>>();
  const auto keep = [](std::shared_ptr<std::vector<std::string>> lines) {
    return [lines](std::string_view line) {
      if (line.starts_with("CLIENT_EARLY_TRAFFIC_SECRET ") ||
          line.starts_with("EARLY_EXPORTER_SECRET ")) {
        lines->emplace_back(line);
      }
    };
  };
  client->keylog = keep(client_lines);
  server->keylog = keep(server_lines);
  auto p = with_early_data(client, server, ticket);
  ASSERT_TRUE(p.completed()) << why(p.client) << " / " << why(p.server);
  ASSERT_EQ(client_lines->size(), 2u);
  EXPECT_EQ(*client_lines, *server_lines);
}

}  // namespace
}  // namespace gauntlet
