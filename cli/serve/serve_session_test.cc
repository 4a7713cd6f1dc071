// A serve session over a socketpair, with an engine client on the other end:
// data that rides with the client's last handshake message is answered at
// once, --www bounds the request and ends the connection with its answer,
// deadlines follow the connection's phase, and renegotiation past the limit
// gets the warning and leaves the connection up.
#include "cli/serve/serve_session.h"

#include <fcntl.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include "engine/testing/engine_pair.h"

namespace gauntlet::cli {
namespace {

using namespace std::chrono_literals;
using test_support::client_config;
using test_support::server_config;

struct Harness {
  explicit Harness(const SessionPolicy& policy, std::shared_ptr<const Config> server,
                   std::optional<gauntlet::Session> offer = std::nullopt)
      : client(Connection::client(client_config(), {"localhost", std::move(offer)})) {
    int sv[2];
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    peer = net::Fd(sv[1]);
    session = std::make_unique<ServeSession>(net::Fd(sv[0]), "test", std::move(server), policy,
                                             Clock::now());
  }

  // One send from the client, one readable event for the session.
  void to_server(ByteView bytes) {
    ASSERT_EQ(send(peer.get(), bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size()));
    session->on_readable(Clock::now());
  }
  Bytes from_server() {
    Bytes out;
    uint8_t buf[1 << 16];
    ssize_t n;
    while ((n = recv(peer.get(), buf, sizeof buf, MSG_DONTWAIT)) > 0) out.insert(out.end(), buf, buf + n);
    return out;
  }
  // Carries bytes both ways until the client's handshake is done and
  // nothing moves.
  void handshake() {
    for (int i = 0; i < 20; ++i) {
      const Bytes out = client.take_output();
      if (!out.empty()) to_server(out);
      const Bytes in = from_server();
      if (!in.empty()) (void)client.receive(in);
      if (client.handshake_done() && out.empty() && in.empty()) return;
    }
    FAIL() << "handshake did not settle";
  }

  Connection client;
  net::Fd peer;
  std::unique_ptr<ServeSession> session;
};

std::string text(const Bytes& b) { return std::string(b.begin(), b.end()); }

TEST(ServeSession, AnswersDataThatCameWithTheClientsLastHandshakeMessage) {
  SessionPolicy policy;
  auto server = server_config();
  Harness first(policy, server);
  first.handshake();
  ASSERT_TRUE(first.client.session());

  // A resumed client's last message is its Finished; its data goes in the
  // same send, so the session sees both in one read and must answer.
  Harness second(policy, server, first.client.session());
  (void)second.to_server(second.client.take_output());  // ClientHello
  ASSERT_TRUE(second.client.receive(second.from_server()).ok());  // ... server Finished
  ASSERT_TRUE(second.client.negotiated().resumed);
  ASSERT_TRUE(second.client.write(Bytes{'h', 'i'}).ok());
  second.to_server(second.client.take_output());  // CCS, Finished and "hi"
  ASSERT_TRUE(second.client.receive(second.from_server()).ok());
  EXPECT_EQ(text(second.client.read()), "hi");
  EXPECT_FALSE(second.session->finished());
}

TEST(ServeSession, WwwAnswersAndEndsTheConnection) {
  SessionPolicy policy;
  policy.www = true;
  Harness h(policy, server_config());
  h.handshake();
  const std::string get = "GET / HTTP/1.0\r\n\r\n";
  ASSERT_TRUE(h.client.write(Bytes(get.begin(), get.end())).ok());
  h.to_server(h.client.take_output());
  (void)h.client.receive(h.from_server());
  EXPECT_EQ(text(h.client.read()).rfind("HTTP/1.0 200 OK\r\n", 0), 0u);
  EXPECT_TRUE(h.client.peer_closed());
  EXPECT_TRUE(h.session->finished());
}

TEST(ServeSession, WwwRequestHeadOverTheLimitGets431) {
  SessionPolicy policy;
  policy.www = true;
  Harness h(policy, server_config());
  h.handshake();
  const Bytes header(4000, 'a');
  for (int i = 0; i < 3 && !h.session->finished(); ++i) {
    ASSERT_TRUE(h.client.write(header).ok());
    h.to_server(h.client.take_output());
  }
  (void)h.client.receive(h.from_server());
  EXPECT_EQ(text(h.client.read()).rfind("HTTP/1.0 431 Request Header Fields Too Large\r\n", 0),
            0u);
  EXPECT_TRUE(h.session->finished());
}

TEST(ServeSession, HandshakeThenIdleDeadline) {
  SessionPolicy policy;
  policy.handshake_timeout = 2s;
  policy.idle_timeout = 60s;
  policy.timeout = 600s;
  const auto before = Clock::now();
  Harness h(policy, server_config());
  EXPECT_LE(h.session->deadline(), Clock::now() + 2s);
  EXPECT_GE(h.session->deadline(), before + 2s);
  h.handshake();
  EXPECT_GE(h.session->deadline(), before + 60s);
  h.session->expire(h.session->deadline());
  EXPECT_TRUE(h.session->finished());
  // The idle client is told with close_notify.
  (void)h.client.receive(h.from_server());
  EXPECT_TRUE(h.client.peer_closed());
}

TEST(ServeSession, StalledHandshakeEndsAtItsDeadline) {
  SessionPolicy policy;
  policy.handshake_timeout = 1s;
  std::vector<std::string> logs;
  policy.log = [&](const std::string& l) { logs.push_back(l); };
  Harness h(policy, server_config());
  const Bytes hello = h.client.take_output();
  h.to_server(ByteView(hello.data(), 10));  // part of a ClientHello, then nothing
  EXPECT_FALSE(h.session->finished());
  h.session->expire(h.session->deadline());
  EXPECT_TRUE(h.session->finished());
  ASSERT_FALSE(logs.empty());
  EXPECT_NE(logs.back().find("handshake timeout"), std::string::npos) << logs.back();
}

}  // namespace
}  // namespace gauntlet::cli
