#include "conformance/profile/server_answer.h"

#include <gtest/gtest.h>

#include <thread>

#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {
namespace {

using namespace std::chrono_literals;

// A loopback server that reads the hello, sends `reply`, then holds the
// connection for `hold` (so a silent server stays silent) and closes.
class CannedServer {
 public:
  CannedServer(Bytes reply, std::chrono::milliseconds hold = 0ms) {
    auto listener = net::listen_tcp("127.0.0.1", 0);
    EXPECT_TRUE(listener.ok());
    port_ = *net::local_port(*listener);
    thread_ = std::thread([l = std::move(listener).value(), reply = std::move(reply), hold] {
      auto fd = net::accept_until(l, net::deadline_in(5s));
      if (!fd) return;
      (void)net::receive_some(*fd, net::deadline_in(1s));
      if (!reply.empty()) (void)net::send_all(*fd, reply, net::deadline_in(1s));
      std::this_thread::sleep_for(hold);
    });
  }
  ~CannedServer() { thread_.join(); }
  Answer ask(std::chrono::milliseconds timeout = 2000ms) {
    const Bytes hello = {0x16, 0x03, 0x01, 0x00, 0x00};
    auto a = conformance::ask({"127.0.0.1", port_}, hello, net::deadline_in(timeout));
    EXPECT_TRUE(a.ok());
    return a.ok() ? *a : Answer(Closed{});
  }

 private:
  uint16_t port_ = 0;
  std::thread thread_;
};

Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Bytes handshake_records(HandshakeType type, const Bytes& body, size_t fragment) {
  Bytes out;
  for (const Bytes& f : split_into_fragments(HandshakeMessage{type, body}.serialize(), fragment)) {
    out = cat({out, write_record(ContentType::handshake, ProtocolVersion::tls12, f)});
  }
  return out;
}

Bytes server_hello(ProtocolVersion version) {
  ServerHello h{.legacy_version = version,
                .random = Bytes(32, 7),
                .session_id = {},
                .cipher_suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                .compression_method = CompressionMethod::null,
                .extensions = Extensions{{{ExtensionType::renegotiation_info, RenegotiationInfo{}}}}};
  return *h.serialize();
}

TEST(ServerAnswer, FlightAcrossRecordsEndsAtServerHelloDone) {
  CannedServer s(cat({handshake_records(HandshakeType::server_hello, server_hello(ProtocolVersion::tls12), 10),
                      handshake_records(HandshakeType::certificate_request, {1, 1, 0, 0, 0, 0}, 100),
                      handshake_records(HandshakeType::server_hello_done, {}, 100)}),
                 3s);
  const auto start = std::chrono::steady_clock::now();
  const Answer a = s.ask();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);  // not waiting for the close
  const auto* f = std::get_if<FirstFlight>(&a);
  ASSERT_TRUE(f) << describe(a);
  EXPECT_EQ(f->version(), ProtocolVersion::tls12);
  EXPECT_TRUE(f->has(HandshakeType::certificate_request));
  EXPECT_EQ(describe(a), "TLS 1.2");
}

TEST(ServerAnswer, AlertIsARefusal) {
  CannedServer s(write_record(ContentType::alert, ProtocolVersion::tls10, Bytes{2, 70}));
  const Answer a = s.ask();
  ASSERT_TRUE(std::holds_alternative<Refused>(a)) << describe(a);
  EXPECT_EQ(describe(a), "fatal alert protocol_version");
}

TEST(ServerAnswer, BytesThatAreNoRecordAreNotTls) {
  CannedServer s(Bytes{'H', 'T', 'T', 'P', '/', '1', '.', '1', ' ', '4', '0', '0'});
  const Answer a = s.ask();
  EXPECT_TRUE(std::holds_alternative<NotTls>(a)) << describe(a);
}

TEST(ServerAnswer, OtherTlsFirstIsUnexpectedNotGarbage) {
  CannedServer s(handshake_records(HandshakeType::hello_request, {}, 100));
  const Answer a = s.ask();
  ASSERT_TRUE(std::holds_alternative<Unexpected>(a)) << describe(a);
  EXPECT_EQ(describe(a), "TLS, but hello_request first");
}

// SSL 2.0 spec §2.6: a SERVER-HELLO in a two-byte-header record.
TEST(ServerAnswer, Ssl2ServerHelloListsItsKinds) {
  const Ssl2ServerHello hello{.session_id_hit = 0,
                              .certificate_type = 1,
                              .version = ProtocolVersion::ssl2,
                              .certificate = Bytes(10, 0x30),
                              .cipher_specs = {Ssl2CipherKind::rc4_128_with_md5,
                                               Ssl2CipherKind::rc4_128_export40_with_md5},
                              .connection_id = Bytes(16, 9)};
  const Bytes message = *hello.serialize();
  CannedServer s(cat({*write_ssl2_header(message.size(), 0), message}));
  const Answer a = s.ask();
  const auto* h = std::get_if<Ssl2Hello>(&a);
  ASSERT_TRUE(h) << describe(a);
  EXPECT_EQ(h->summary.cipher_kinds, hello.cipher_specs);
  EXPECT_TRUE(h->summary.export_kinds);
}

TEST(ServerAnswer, CloseWithoutAWordIsClosed) {
  CannedServer s({});
  EXPECT_TRUE(std::holds_alternative<Closed>(s.ask())) ;
}

TEST(ServerAnswer, SilenceEndsAtTheDeadline) {
  CannedServer s({}, 1500ms);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(std::holds_alternative<Silent>(s.ask(300ms)));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1200ms);
}

TEST(ServerAnswer, UnreachableIsAnError) {
  uint16_t port = 0;
  {  // a port nobody listens on once the scope closes its socket
    auto listener = net::listen_tcp("127.0.0.1", 0);
    ASSERT_TRUE(listener.ok());
    port = *net::local_port(*listener);
  }
  EXPECT_FALSE(conformance::ask({"127.0.0.1", port}, Bytes{1}, net::deadline_in(1s)).ok());
}

}  // namespace
}  // namespace gauntlet::conformance
