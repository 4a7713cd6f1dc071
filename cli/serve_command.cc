// gauntlet serve: our engine as a TLS server on a TCP port, in the spirit of
// openssl s_server. Its options and the engine Config they make; serving is
// cli/serve/: event loops (serve_loop) over one session per client
// (serve_session).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "cli/peer_options.h"
#include "cli/serve/serve_loop.h"
#include "cli/serve/serve_options.h"

namespace gauntlet::cli {
namespace {

void log_line(const std::string& line) { std::fprintf(stderr, "%s\n", printable(line).c_str()); }

Result<std::shared_ptr<Config>> make_config(const ServeOptions& o) {
  auto client_auth = client_auth_from_name(o.verify);
  if (!client_auth) return decode_error("--verify: " + client_auth.error().reason);
  // Early data rides on a ticket (RFC 8446 §4.2.10).
  if (o.max_early_data > 0 && !o.tickets) return decode_error("--early-data needs --tickets");
  ConfigBuilder b;
  b.identity_files(o.cert, o.key)
      .client_auth(*client_auth)
      .session_cache(4096)
      .alpn(split_list(o.alpn));
  if (auto st = apply_tls_options(b, o.tls); !st) return st.error();
  if (!o.ca.empty()) b.trust_file(o.ca);
  if (o.tickets) b.ticket_keys();
  auto config = b.build();
  if (!config) return config;
  if (auto st = apply_tls_options(**config, o.tls); !st) return st.error();
  (*config)->always_hello_retry = o.hello_retry;
  (*config)->max_early_data = o.max_early_data;
  return config;
}

int run(const ServeOptions& o) {
  auto config = make_config(o);
  if (!config) {
    std::fprintf(stderr, "gauntlet serve: %s\n", config.error().reason.c_str());
    return kUsageError;
  }
  // Each renegotiation costs us a private-key operation: a client may ask
  // for a few, then gets the no_renegotiation warning (RFC 5746 §4.4).
  (*config)->max_renegotiations = static_cast<uint32_t>(o.max_renegotiations);
  // A burst of clients waits in the accept queue rather than retrying its
  // SYN a second later (the kernel caps this at net.core.somaxconn).
  auto listener = net::listen_tcp(o.host, o.port, std::max(128, std::min(o.max_connections, 4096)));
  if (!listener) {
    std::fprintf(stderr, "gauntlet serve: %s\n", listener.error().reason.c_str());
    return kUsageError;
  }
  const auto bound = net::local_port(*listener);
  log_line("gauntlet serve: listening on " + o.host + ":" +
           std::to_string(bound ? *bound : o.port));
  using std::chrono::seconds;
  SessionPolicy policy;
  policy.handshake_timeout = seconds(o.handshake_timeout_seconds);
  policy.idle_timeout = seconds(o.idle_timeout_seconds);
  policy.timeout = seconds(o.timeout_seconds);
  policy.www = o.www;
  policy.log = log_line;
  std::shared_ptr<const Config> shared = std::move(config).value();
  const size_t threads = o.threads > 0 ? static_cast<size_t>(o.threads)
                                       : std::max(1u, std::thread::hardware_concurrency());
  return serve_loop(std::move(listener).value(), shared, policy,
                    {static_cast<size_t>(o.max_connections), threads, o.once});
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand(
      "serve", "Serve TLS with our engine (like openssl s_server): echo, or a status page "
               "under --www; one line per connection on stderr");
  sub->add_option("--port", o->port, "TCP port (0: any free port, printed)")->required();
  sub->add_option("--host", o->host, "address to listen on")->capture_default_str();
  sub->add_option("--cert", o->cert, "certificate chain, PEM, leaf first")->required();
  sub->add_option("--key", o->key, "private key, PEM or DER")->required();
  sub->add_option("--ca", o->ca, "trust anchors (PEM) for client certificates");
  sub->add_flag("--www", o->www, "answer an HTTP GET with a status page");
  add_tls_options(*sub, o->tls);
  sub->add_flag("--hrr", o->hello_retry,
                "TLS 1.3: answer every first ClientHello with a HelloRetryRequest");
  sub->add_option("--early-data", o->max_early_data,
                  "TLS 1.3: tickets allow, and we take, up to N bytes of 0-RTT data (with --tickets)")
      ->check(CLI::Range(0u, 1u << 30));
  sub->add_option("--verify", o->verify, "client certificates: none, optional or required")
      ->capture_default_str();
  sub->add_flag("--tickets", o->tickets, "issue session tickets (RFC 5077)");
  sub->add_option("--alpn", o->alpn, "ALPN protocols in preference order, comma-separated");
  sub->add_option("--max-connections", o->max_connections,
                  "connections held at once; more wait in the accept queue")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  sub->add_option("--threads", o->threads, "event loops (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  sub->add_option("--timeout", o->timeout_seconds, "seconds a connection may last in all")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  sub->add_option("--handshake-timeout", o->handshake_timeout_seconds,
                  "seconds from accept to the end of the first handshake")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  sub->add_option("--idle-timeout", o->idle_timeout_seconds,
                  "seconds a connection may go without a byte from the client")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  sub->add_option("--max-renegotiations", o->max_renegotiations,
                  "renegotiations a client may ask for; more get no_renegotiation")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  sub->add_flag("--once", o->once, "serve one connection, then exit");
  return {sub, [o] { return run(*o); }};
}

}  // namespace gauntlet::cli
