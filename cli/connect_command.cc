// gauntlet connect HOST:PORT: our engine as a TLS client (like openssl
// s_client): prints what was negotiated and the peer's chain, sends stdin,
// prints what comes back and the TLS 1.3 tickets received; --resume N
// reconnects N times with the session, sending --early-data as 0-RTT data
// with a TLS 1.3 ticket that allows it; --key-update replaces both sides'
// TLS 1.3 keys before stdin goes out.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "cli/commands.h"
#include "cli/peer_options.h"
#include "transport/connection_io.h"

namespace gauntlet::cli {
namespace {

using namespace std::chrono_literals;

struct ConnectOptions {
  std::string target, sni, alpn, ca, cert, key;
  TlsOptions tls{"tls1.0:tls1.3"};
  std::string early_data;  // TLS 1.3 0-RTT data for each reconnection
  bool key_update = false;
  int resume = 0;
  int timeout_seconds = 10;
  int idle_ms = 1000;
};

Result<std::shared_ptr<Config>> make_config(const ConnectOptions& o) {
  ConfigBuilder b;
  b.alpn(split_list(o.alpn));
  if (auto st = apply_tls_options(b, o.tls); !st) return st.error();
  if (!o.ca.empty()) b.trust_file(o.ca);
  if (!o.cert.empty()) b.identity_files(o.cert, o.key.empty() ? o.cert : o.key);
  auto config = b.build();
  if (!config) return config;
  if (auto st = apply_tls_options(**config, o.tls); !st) return st.error();
  return config;
}

// One connection: handshake, then (first time only) stdin out and the
// answer back. The session for the next, if any.
Result<Connection> connect_once(std::shared_ptr<const Config> config, const ConnectOptions& o,
                                const std::string& host, uint16_t port,
                                std::optional<Session> session, const Bytes* input) {
  const auto deadline = net::deadline_in(std::chrono::seconds(o.timeout_seconds));
  auto fd = net::connect_tcp(host, port, deadline);
  if (!fd) return fd.error();
  // The name sent (unless an address, RFC 6066 §3) and verified: the
  // target's host unless --sni names another, as s_client and curl do.
  // RFC 8446 §2.3: 0-RTT data only with a ticket, so only on reconnections.
  Bytes early;
  if (session) early.assign(o.early_data.begin(), o.early_data.end());
  Connection c = Connection::client(
      config, {o.sni.empty() ? host : o.sni, std::move(session), std::move(early)});
  if (auto st = net::handshake(c, *fd, deadline); !st) return st.error();
  if (input) {
    std::printf("%s", details(c.negotiated()).c_str());
    std::printf("---\n");
    std::fflush(stdout);
    // RFC 8446 §4.6.3: with update_requested the server answers with its
    // own KeyUpdate, so stdin and the answer both travel under new keys.
    if (o.key_update) {
      if (auto st = c.update_keys(KeyUpdateRequest::update_requested); !st) return st.error();
      if (auto st = net::flush(c, *fd, deadline); !st) return st.error();
      std::printf("key update sent, update requested\n");
    }
    if (!input->empty()) {
      if (auto st = c.write(*input); !st) return st.error();
      if (auto st = net::flush(c, *fd, deadline); !st) return st.error();
    }
    // What comes back, until the peer closes or falls quiet. A KeyUpdate
    // that asked for the peer's is answered before the peer's next
    // application data (§4.6.3), so until that answer comes silence is not
    // the end of the answer: openssl s_server -www sleeps a second after
    // reading a KeyUpdate before it reads on.
    bool awaiting_key_update = o.key_update;
    while (c.state() == ConnectionState::established) {
      const auto quiet = net::deadline_in(std::chrono::milliseconds(o.idle_ms));
      const auto idle = awaiting_key_update ? deadline : std::min(deadline, quiet);
      auto open = net::read_once(c, *fd, idle);
      if (awaiting_key_update && c.peer_key_updates() > 0) {
        awaiting_key_update = false;
        std::printf("key update answered by the peer\n");
      }
      const Bytes got = c.read();
      if (!got.empty()) std::fwrite(got.data(), 1, got.size(), stdout);
      if (!open || !*open) break;
    }
    if (awaiting_key_update) std::printf("no key update from the peer in answer\n");
    if (c.error()) std::fprintf(stderr, "gauntlet connect: %s\n", c.error()->to_string().c_str());
    if (c.negotiated().version >= ProtocolVersion::tls13) {
      std::printf("\n---\ntickets received: %zu\n", c.tickets().size());
    }
    std::fflush(stdout);
  }
  c.close();
  (void)net::flush(c, *fd, deadline);
  return c;
}

int run(const ConnectOptions& o) {
  auto target = net::split_host_port(o.target);
  auto config = make_config(o);
  if (!target || !config) {
    std::fprintf(stderr, "gauntlet connect: %s\n",
                 (!target ? target.error() : config.error()).reason.c_str());
    return kUsageError;
  }
  if (o.ca.empty()) std::printf("note: no --ca, the server's chain is not verified\n");
  const auto& [host, port] = *target;
  const Bytes input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::shared_ptr<const Config> shared = std::move(config).value();
  auto first = connect_once(shared, o, host, port, std::nullopt, &input);
  if (!first) {
    std::fprintf(stderr, "gauntlet connect: %s\n", first.error().to_string().c_str());
    return 1;
  }
  std::optional<Session> session = first->session();
  for (int i = 1; i <= o.resume; ++i) {
    auto again = connect_once(shared, o, host, port, session, nullptr);
    if (!again) {
      std::fprintf(stderr, "gauntlet connect: reconnection %d: %s\n", i,
                   again.error().to_string().c_str());
      return 1;
    }
    const Negotiated& n = again->negotiated();
    std::printf("reconnection %d: %s\n", i, n.resumed ? "resumed" : "full handshake");
    // TLS 1.3: how it resumed (RFC 8446 §4.2.9), whether the server took
    // our 0-RTT data (§4.2.10), how many tickets came for next time.
    if (n.version >= ProtocolVersion::tls13) {
      std::printf("  %s\n", summary(n).c_str());
      if (!o.early_data.empty()) {
        std::printf("  early data: %s\n", n.early_data_accepted ? "accepted" : "rejected");
      }
      std::printf("  tickets received: %zu\n", again->tickets().size());
    }
    if (again->session()) session = again->session();
  }
  return 0;
}

}  // namespace

Command add_connect_command(CLI::App& app) {
  auto o = std::make_shared<ConnectOptions>();
  CLI::App* sub = app.add_subcommand(
      "connect", "Connect with our engine (like openssl s_client): print what was negotiated "
                 "and the peer chain, send stdin, print the answer");
  sub->add_option("TARGET", o->target, "HOST:PORT")->required();
  sub->add_option("--sni", o->sni, "server name to send and verify (default: TARGET's host)");
  sub->add_option("--alpn", o->alpn, "ALPN protocols, comma-separated");
  sub->add_option("--ca", o->ca, "trust anchors (PEM); without it nothing is verified");
  add_tls_options(*sub, o->tls);
  sub->add_flag("--key-update", o->key_update,
                "TLS 1.3: send a KeyUpdate asking for the server's after the handshake");
  sub->add_option("--early-data", o->early_data,
                  "TLS 1.3: send this as 0-RTT data on each --resume reconnection");
  sub->add_option("--cert", o->cert, "client certificate chain, PEM");
  sub->add_option("--key", o->key, "client private key");
  sub->add_option("--resume", o->resume, "reconnect N times offering the session")
      ->check(CLI::Range(0, 1000));
  sub->add_option("--timeout", o->timeout_seconds, "seconds for each connection, whatever the peer sends")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  sub->add_option("--idle", o->idle_ms, "milliseconds of silence that end the answer")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  return {sub, [o] { return run(*o); }};
}

}  // namespace gauntlet::cli
