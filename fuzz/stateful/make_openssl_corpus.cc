// Writes TLS 1.3 seeds of the stateful targets with real OpenSSL (libssl in
// process) as the peer: our side as the target builds it but outside fuzzer
// mode, libssl's messages recorded as it sends them (its message callback)
// and framed as fuzzer mode reads them: hellos and ChangeCipherSpec in the
// clear, every other message a TLSInnerPlaintext under an application_data
// header (RFC 8446 §5.2), one record each. A target fed one meets libssl's
// own flights (its extensions, tickets, answers to KeyUpdate and
// post-handshake CertificateRequest) where the engine-to-engine seeds have
// ours. libssl draws its own randomness, so its key shares change from run
// to run. Usage:
//   bazel run //fuzz/stateful:make_openssl_corpus -- $PWD/corpora
#include <openssl/ssl.h>

#include <cstdio>
#include <string>
#include <vector>

#include "engine/openssl_peer/openssl_peer.h"
#include "fuzz/stateful/fuzzer_framing.h"
#include "fuzz/stateful/variants.h"

namespace gauntlet::fuzzing {
namespace {

const std::string kPki = "engine/crypto/testdata/";

// SSL_set_msg_callback: what libssl sends, whole messages before sealing.
void on_message(int write_p, int, int content_type, const void* buf, size_t len, SSL*,
                void* arg) {
  if (!write_p || len == 0) return;
  const ByteView body(static_cast<const uint8_t*>(buf), len);
  auto* stream = static_cast<Bytes*>(arg);
  switch (content_type) {
    case SSL3_RT_HANDSHAKE:
      append_fuzzer_record(*stream, ContentType::handshake, body);
      break;
    case SSL3_RT_CHANGE_CIPHER_SPEC:
      append_fuzzer_record(*stream, ContentType::change_cipher_spec, body);
      break;
    case SSL3_RT_ALERT:
      append_fuzzer_record(*stream, ContentType::alert, body);
      break;
    default:
      break;  // record headers and inner types: append_fuzzer_record frames its own
  }
}

int accept_any(int, X509_STORE_CTX*) { return 1; }

// One conversation. `settings` is our side's (the target's header);
// `peer_asks` has libssl's server ask for our certificate in the handshake,
// `peer_asks_after` after it (RFC 8446 §4.6.2).
struct Case {
  std::string name;
  Settings settings;
  OpenSslOptions peer;
  bool peer_asks = false;
  bool peer_asks_after = false;
};

// Our side as the target builds it; this binary links the ordinary engine.
std::shared_ptr<Config> outside_fuzzer_mode(std::shared_ptr<Config> c) {
  c->fuzzer_mode = false;
  return c;
}

// Runs the handshake, then what the settings and the case ask after it;
// libssl's stream if both ends got through.
std::optional<Bytes> converse(const Case& c, Connection& ours, OpenSslPeer& peer) {
  if (!peer.ok()) return std::nullopt;
  // A client's ClientHello is written as libssl's client is made, before
  // the callback: it goes out in the clear, so it is taken as written.
  Bytes stream = peer.exchange({});
  if (!stream.empty()) (void)ours.receive(stream);
  SSL_set_msg_callback(peer.ssl(), on_message);
  SSL_set_msg_callback_arg(peer.ssl(), &stream);
  if (c.peer_asks || c.peer_asks_after) SSL_set_verify(peer.ssl(), SSL_VERIFY_PEER, accept_any);
  if (!pump(ours, peer) || ours.state() != ConnectionState::established) return std::nullopt;
  if (c.settings.after_handshake) after_handshake(ours, c.settings);
  if (c.peer_asks_after &&
      (SSL_verify_client_post_handshake(peer.ssl()) != 1 || SSL_do_handshake(peer.ssl()) != 1)) {
    return std::nullopt;
  }
  if (!pump(ours, peer) || ours.state() != ConnectionState::established || peer.failed()) {
    return std::nullopt;
  }
  return stream;
}

Settings tls13(void (*set)(Settings&)) {
  Settings s;
  s.max_version = ProtocolVersion::tls13;
  set(s);
  return s;
}

OpenSslOptions libssl_server(const std::string& groups = "") {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.chain_file = kPki + "server-rsa-chain.pem";
  o.key_file = kPki + "server-rsa.key";
  o.groups = groups;
  return o;
}

OpenSslOptions libssl_client(bool certificate) {
  OpenSslOptions o;
  o.version = TLS1_3_VERSION;
  o.server_name = "localhost";
  if (certificate) {
    o.chain_file = kPki + "client-rsa-chain.pem";
    o.key_file = kPki + "client-rsa.key";
    o.post_handshake_auth = true;
  }
  return o;
}

}  // namespace
}  // namespace gauntlet::fuzzing

int main(int argc, char** argv) {
  using namespace gauntlet;
  using namespace gauntlet::fuzzing;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPORA_DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out(argv[1]);
  // Our client against libssl's server: 1-RTT with its tickets; a
  // HelloRetryRequest (it takes P-256 only, our share is X25519); our
  // certificate asked in the handshake and after it; our KeyUpdate; our
  // ticket's PSK, which it cannot open, so a full handshake.
  const std::vector<Case> client_cases = {
      {"1rtt", tls13([](Settings&) {}), libssl_server()},
      {"hrr", tls13([](Settings& s) { s.hello_retry = true; }), libssl_server("P-256")},
      {"client-auth", tls13([](Settings& s) { s.client_auth = s.post_handshake_auth = true; }),
       libssl_server(), true},
      {"post-handshake-auth",
       tls13([](Settings& s) { s.post_handshake_auth = s.after_handshake = true; }),
       libssl_server(), false, true},
      {"key-update", tls13([](Settings& s) { s.after_handshake = true; }), libssl_server()},
      {"psk-unknown", tls13([](Settings& s) { s.resumption = s.tickets = true; }),
       libssl_server()},
  };
  // libssl's client against our server: 1-RTT; our HelloRetryRequest; our
  // CertificateRequest in the handshake, and after it with our KeyUpdate.
  const std::vector<Case> server_cases = {
      {"1rtt", tls13([](Settings&) {}), libssl_client(false)},
      {"hrr", tls13([](Settings& s) { s.hello_retry = true; }), libssl_client(false)},
      {"client-auth", tls13([](Settings& s) { s.client_auth = s.post_handshake_auth = true; }),
       libssl_client(true)},
      {"post-handshake-auth",
       tls13([](Settings& s) { s.post_handshake_auth = s.after_handshake = true; }),
       libssl_client(true)},
      {"tickets", tls13([](Settings& s) { s.tickets = true; }), libssl_client(false)},
  };
  int written = 0;
  for (const Case& c : client_cases) {
    OpenSslPeer peer = OpenSslPeer::server(c.peer);
    Connection ours = Connection::client(outside_fuzzer_mode(client_config(c.settings)),
                                         client_options(c.settings));
    const std::optional<Bytes> stream = converse(c, ours, peer);
    if (!stream) {
      std::fprintf(stderr, "no TLS 1.3 handshake with libssl's server: %s\n", c.name.c_str());
      return 1;
    }
    written += save_seed(out, "client", "openssl-" + c.name, c.settings, *stream);
  }
  for (const Case& c : server_cases) {
    OpenSslPeer peer = OpenSslPeer::client(c.peer);
    Connection ours = Connection::server(outside_fuzzer_mode(server_config(c.settings)));
    const std::optional<Bytes> stream = converse(c, ours, peer);
    if (!stream) {
      std::fprintf(stderr, "no TLS 1.3 handshake with libssl's client: %s\n", c.name.c_str());
      return 1;
    }
    written += save_seed(out, "server", "openssl-" + c.name, c.settings, *stream);
  }
  std::printf("wrote %d inputs under %s\n", written, out.c_str());
  return 0;
}
