// Writes TLS 1.3 seeds of the stateful targets with GnuTLS as the peer:
// gnutls-serv and gnutls-cli on loopback against our side as the target
// builds it but outside fuzzer mode. GnuTLS's bytes are recorded as they
// arrive, and each protected record opened with the traffic secrets our
// side logs (fuzzer_framing.h), so they are framed as fuzzer mode reads
// them, as make_openssl_corpus frames libssl's. A target fed one meets
// GnuTLS's own flights. Usage (needs gnutls-serv and gnutls-cli):
//   bazel run //fuzz/stateful:make_gnutls_corpus -- $PWD/corpora
#include <cstdio>
#include <string>
#include <vector>

#include "conformance/targets/subprocess.h"
#include "fuzz/stateful/fuzzer_framing.h"
#include "fuzz/stateful/variants.h"
#include "transport/socket.h"

namespace gauntlet::fuzzing {
namespace {

using conformance::Subprocess;
using namespace std::chrono_literals;

const std::string kPki = "engine/crypto/testdata/";
// TLS 1.3 only: the seeds are for the TLS 1.3 targets.
const std::string kTls13 = "NORMAL:-VERS-ALL:+VERS-TLS1.3";

// One conversation: our side's settings (the target's header) and the
// GnuTLS tool's arguments after its port (or, for gnutls-cli, before the
// host), and what it reads on stdin (gnutls-cli sends it once connected).
struct Case {
  std::string name;
  Settings settings;
  std::vector<std::string> tool_args;
  std::string input = {};
};

Settings tls13(void (*set)(Settings&)) {
  Settings s;
  s.max_version = ProtocolVersion::tls13;
  set(s);
  return s;
}

// Carries bytes between our side and the socket until GnuTLS falls silent
// for a while once we are established and have done what the settings ask
// after the handshake; GnuTLS's bytes, as they came, are kept in `wire`.
bool converse(Connection& ours, const net::Fd& fd, const Settings& s, Bytes& wire) {
  const net::Deadline end = net::deadline_in(10s);
  bool acted = !s.after_handshake;
  while (net::Clock::now() < end) {
    if (!net::send_all(fd, ours.take_output(), end)) return false;
    auto got = net::receive_some(fd, net::deadline_in(700ms));
    if (!got) {
      if (!net::is_timeout(got.error())) return false;
      if (ours.state() != ConnectionState::established) continue;
      if (acted) return true;
      after_handshake(ours, s);
      acted = true;
      continue;
    }
    if (got->empty()) break;  // GnuTLS closed
    wire.insert(wire.end(), got->begin(), got->end());
    (void)ours.receive(*got);
    (void)ours.read();
  }
  return ours.state() == ConnectionState::established || ours.peer_closed();
}

// Our side's bytes of GnuTLS's stream framed for fuzzer mode, or nullopt.
std::optional<Bytes> seed(Connection& ours, const std::vector<std::string>& keylog,
                          ByteView wire) {
  if (!ours.handshake_done() || ours.error()) {
    std::fprintf(stderr, "%s\n",
                 ours.error() ? ours.error()->to_string().c_str() : ours.progress().c_str());
    return std::nullopt;
  }
  const auto secrets = peer_secrets(keylog, ours.role() == Role::client);
  const CipherSuiteInfo* suite = cipher_suite_info(ours.negotiated().suite);
  if (!secrets || !suite) return std::nullopt;
  return unprotect_peer_stream(wire, *suite, *secrets);
}

// Our Config as the target builds it, outside fuzzer mode, logging its keys.
std::shared_ptr<Config> logging(std::shared_ptr<Config> c, std::vector<std::string>& keylog) {
  c->fuzzer_mode = false;
  c->keylog = [&keylog](std::string_view line) { keylog.emplace_back(line); };
  return c;
}

std::optional<Bytes> against_server(const Case& c) {
  auto port = conformance::free_port();
  if (!port) return std::nullopt;
  std::vector<std::string> argv{"gnutls-serv", "--port", std::to_string(*port), "--echo",
                                "--x509certfile", kPki + "server-rsa-chain.pem",
                                "--x509keyfile", kPki + "server-rsa.key"};
  argv.insert(argv.end(), c.tool_args.begin(), c.tool_args.end());
  auto serv = Subprocess::spawn(argv);
  if (!serv || !serv->wait_for("done", net::deadline_in(10s))) return std::nullopt;
  auto fd = net::connect_tcp("127.0.0.1", *port, net::deadline_in(5s));
  if (!fd) return std::nullopt;
  std::vector<std::string> keylog;
  Connection ours =
      Connection::client(logging(client_config(c.settings), keylog), client_options(c.settings));
  Bytes wire;
  if (!converse(ours, *fd, c.settings, wire)) return std::nullopt;
  return seed(ours, keylog, wire);
}

std::optional<Bytes> against_client(const Case& c) {
  auto listener = net::listen_tcp("127.0.0.1", 0);
  if (!listener) return std::nullopt;
  auto port = net::local_port(*listener);
  if (!port) return std::nullopt;
  std::vector<std::string> argv{"gnutls-cli", "--port", std::to_string(*port), "--insecure"};
  argv.insert(argv.end(), c.tool_args.begin(), c.tool_args.end());
  argv.push_back("localhost");
  auto cli = Subprocess::spawn(argv, c.input);
  if (!cli) return std::nullopt;
  auto fd = net::accept_until(*listener, net::deadline_in(10s));
  if (!fd || !fd->valid()) return std::nullopt;
  std::vector<std::string> keylog;
  Connection ours = Connection::server(logging(server_config(c.settings), keylog));
  Bytes wire;
  (void)converse(ours, *fd, c.settings, wire);
  auto stream = seed(ours, keylog, wire);
  if (!stream) std::fprintf(stderr, "gnutls-cli said: %s\n", cli->output().c_str());
  return stream;
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
  const std::vector<std::string> client_cert{"--x509certfile", kPki + "client-rsa-chain.pem",
                                             "--x509keyfile", kPki + "client-rsa.key"};
  auto with = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  // Our client against gnutls-serv: 1-RTT with its tickets; a
  // HelloRetryRequest (it takes P-256 only, our share is X25519); our
  // certificate asked in the handshake; our KeyUpdate, which it answers
  // with its own (RFC 8446 §4.6.3); our ticket's PSK, which it cannot
  // open, so a full handshake.
  const std::vector<Case> client_cases = {
      {"1rtt", tls13([](Settings&) {}), {"--priority", kTls13}},
      {"hrr", tls13([](Settings& s) { s.hello_retry = true; }),
       {"--priority", kTls13 + ":-GROUP-ALL:+GROUP-SECP256R1"}},
      {"client-auth", tls13([](Settings& s) { s.client_auth = s.post_handshake_auth = true; }),
       {"--priority", kTls13, "--require-client-cert"}},
      {"key-update", tls13([](Settings& s) { s.after_handshake = true; }),
       {"--priority", kTls13}},
      {"psk-unknown", tls13([](Settings& s) { s.resumption = s.tickets = true; }),
       {"--priority", kTls13}},
  };
  // gnutls-cli against our server: 1-RTT; our HelloRetryRequest for a
  // P-256 share (its share is P-521, which we do not take; GnuTLS 3.7.9
  // refuses a retry that asks only for our cookie); our
  // CertificateRequest in the handshake, and after it with our KeyUpdate;
  // our tickets; its KeyUpdate (an inline command).
  const std::vector<Case> server_cases = {
      {"1rtt", tls13([](Settings&) {}), {"--priority", kTls13}, "hello\n"},
      {"hrr", tls13([](Settings& s) { s.hello_retry = true; }),
       {"--priority", kTls13 + ":-GROUP-ALL:+GROUP-SECP521R1:+GROUP-SECP256R1"}, "hello\n"},
      {"client-auth", tls13([](Settings& s) { s.client_auth = s.post_handshake_auth = true; }),
       with({"--priority", kTls13, "--post-handshake-auth"}, client_cert), "hello\n"},
      {"post-handshake-auth",
       tls13([](Settings& s) { s.post_handshake_auth = s.after_handshake = true; }),
       with({"--priority", kTls13, "--post-handshake-auth"}, client_cert), "hello\n"},
      {"tickets", tls13([](Settings& s) { s.tickets = true; }), {"--priority", kTls13},
       "hello\n"},
      {"key-update", tls13([](Settings&) {}), {"--priority", kTls13, "--inline-commands"},
       "hello\n^rekey^\nagain\n"},
  };
  int written = 0;
  for (const Case& c : client_cases) {
    const std::optional<Bytes> stream = against_server(c);
    if (!stream) {
      std::fprintf(stderr, "no TLS 1.3 handshake with gnutls-serv: %s\n", c.name.c_str());
      return 1;
    }
    written += save_seed(out, "client", "gnutls-" + c.name, c.settings, *stream);
  }
  for (const Case& c : server_cases) {
    const std::optional<Bytes> stream = against_client(c);
    if (!stream) {
      std::fprintf(stderr, "no TLS 1.3 handshake with gnutls-cli: %s\n", c.name.c_str());
      return 1;
    }
    written += save_seed(out, "server", "gnutls-" + c.name, c.settings, *stream);
  }
  std::printf("wrote %d inputs under %s\n", written, out.c_str());
  return 0;
}
