// gauntlet serve: our engine as a TLS server on a TCP port, in the spirit of
// openssl s_server. A thread per concurrent connection, bounded and reused;
// every connection's outcome logged on stderr; a bad client ends only its own
// connection.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/peer_options.h"
#include "transport/connection_io.h"

namespace gauntlet::cli {
namespace {

using namespace std::chrono_literals;

struct ServeOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 4433;
  std::string cert, key, ca, versions = "tls1.0:tls1.2", suites, verify = "none", keylog, alpn;
  bool www = false, tickets = false, once = false;
  int max_connections = 64;
  int timeout_seconds = 30;
};

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

// Serves accepted connections on at most `max` threads. A thread that has
// served one waits for the next rather than exiting, so a stream of clients
// does not pay a thread (clone, stack mapping) per connection.
class Workers {
 public:
  using Serve = std::function<void(net::Fd, std::string)>;
  Workers(size_t max, Serve serve) : max_(max), serve_(std::move(serve)) {}
  ~Workers() { stop(); }

  // False when every thread stayed busy until the stop signal.
  bool submit(net::Fd fd, std::string peer) {
    std::unique_lock lock(mu_);
    while (busy_ + queue_.size() >= max_ && !g_stop) done_.wait_for(lock, 100ms);
    if (g_stop) return false;
    queue_.push_back({std::move(fd), std::move(peer)});
    if (threads_.size() - busy_ < queue_.size()) {
      threads_.emplace_back([this] { loop(); });
    } else {
      work_.notify_one();
    }
    return true;
  }

  // Serves what is queued, then joins every thread.
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    work_.notify_all();
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

 private:
  struct Job {
    net::Fd fd;
    std::string peer;
  };

  void loop() {
    std::unique_lock lock(mu_);
    for (;;) {
      work_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;
      Job job = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
      lock.unlock();
      serve_(std::move(job.fd), std::move(job.peer));
      lock.lock();
      --busy_;
      done_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable work_, done_;
  std::deque<Job> queue_;
  std::vector<std::thread> threads_;
  size_t busy_ = 0;
  bool stopping_ = false;
  const size_t max_;
  const Serve serve_;
};

std::mutex g_log;
void log_line(const std::string& line) {
  std::lock_guard lock(g_log);
  std::fprintf(stderr, "%s\n", line.c_str());
}

Result<std::shared_ptr<Config>> make_config(const ServeOptions& o) {
  auto c = std::make_shared<Config>();
  auto identity = load_identity(o.cert, o.key);
  if (!identity) return identity.error();
  c->identities = {std::move(identity).value()};
  auto versions = parse_versions(o.versions);
  if (!versions) return versions.error();
  std::tie(c->min_version, c->max_version) = *versions;
  if (!o.suites.empty()) {
    auto suites = parse_suites(o.suites);
    if (!suites) return suites.error();
    c->cipher_suites = std::move(suites).value();
  }
  if (o.verify == "optional" || o.verify == "required") {
    c->client_auth = o.verify == "required" ? ClientAuth::required : ClientAuth::optional;
  } else if (o.verify != "none") {
    return decode_error("--verify must be none, optional or required");
  }
  if (!o.ca.empty()) {
    auto trust = std::make_shared<TrustStore>();
    if (auto st = trust->add_file(o.ca); !st) return st.error();
    c->trust = trust;
  }
  c->session_cache = std::make_shared<SessionCache>(4096);
  if (o.tickets) c->ticket_keys = std::make_shared<TicketKeys>(TicketKey::generate(*c->random));
  c->alpn = split_list(o.alpn);
  if (!o.keylog.empty()) {
    auto file = KeylogFile::open(o.keylog);
    if (!file) return file.error();
    c->keylog = (*file)->sink();
  }
  return c;
}

// Under --www: the request line is read, a status page goes back.
std::string status_page(const Negotiated& n) {
  const std::string body = "gauntlet serve\n" + details(n);
  return "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

void serve_one(std::shared_ptr<const Config> config, net::Fd fd, std::string peer,
               const ServeOptions& o) {
  const auto deadline = net::deadline_in(std::chrono::seconds(o.timeout_seconds));
  Connection c = Connection::server(config);
  if (auto st = net::handshake(c, fd, deadline); !st) {
    log_line(peer + " handshake failed: " + st.error().to_string() + " (at " + c.progress() + ")");
    return;
  }
  log_line(peer + " " + summary(c.negotiated()));
  std::string request;
  while (c.state() == ConnectionState::established) {
    auto open = net::read_once(c, fd, deadline);
    if (!open || !*open) break;
    const Bytes in = c.read();
    if (o.www) {
      request.append(in.begin(), in.end());
      if (request.find("\r\n\r\n") == std::string::npos && request.find("\n\n") == std::string::npos) {
        continue;
      }
      const std::string page = status_page(c.negotiated());
      (void)c.write(Bytes(page.begin(), page.end()));
      c.close();
    } else if (!in.empty()) {
      (void)c.write(in);
    }
    if (!net::flush(c, fd, deadline)) break;
  }
  c.close();
  (void)net::flush(c, fd, deadline);
  if (c.error() && c.error()->alert != AlertDescription::close_notify) {
    log_line(peer + " ended: " + c.error()->to_string());
  }
}

int run(const ServeOptions& o) {
  auto config = make_config(o);
  if (!config) {
    std::fprintf(stderr, "gauntlet serve: %s\n", config.error().reason.c_str());
    return kUsageError;
  }
  // A burst of as many clients as may be served at once waits in the accept
  // queue rather than retrying its SYN a second later (the kernel caps this
  // at net.core.somaxconn).
  auto listener = net::listen_tcp(o.host, o.port, std::max(64, o.max_connections));
  if (!listener) {
    std::fprintf(stderr, "gauntlet serve: %s\n", listener.error().reason.c_str());
    return kUsageError;
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGPIPE, SIG_IGN);
  const auto bound = net::local_port(*listener);
  log_line("gauntlet serve: listening on " + o.host + ":" +
           std::to_string(bound ? *bound : o.port));
  std::shared_ptr<const Config> shared = std::move(config).value();
  Workers workers(static_cast<size_t>(std::max(1, o.max_connections)),
                  [&](net::Fd fd, std::string peer) { serve_one(shared, std::move(fd), peer, o); });
  while (!g_stop) {
    std::string peer;
    auto fd = net::accept_until(*listener, net::deadline_in(200ms), &peer);
    if (!fd) {
      if (!net::is_timeout(fd.error())) log_line("accept: " + fd.error().reason);
      continue;
    }
    if (o.once) {
      serve_one(shared, std::move(fd).value(), peer, o);
      break;
    }
    if (!workers.submit(std::move(fd).value(), std::move(peer))) break;
  }
  workers.stop();
  return 0;
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
  sub->add_option("--versions", o->versions, "e.g. tls1.2 or ssl3:tls1.2")->capture_default_str();
  sub->add_option("--suites", o->suites, "cipher suites, IANA or OpenSSL names, comma-separated");
  sub->add_option("--verify", o->verify, "client certificates: none, optional or required")
      ->capture_default_str();
  sub->add_flag("--tickets", o->tickets, "issue session tickets (RFC 5077)");
  sub->add_option("--keylog", o->keylog, "append NSS key log lines to this file");
  sub->add_option("--alpn", o->alpn, "ALPN protocols in preference order, comma-separated");
  sub->add_option("--max-connections", o->max_connections, "connections served at once")
      ->capture_default_str();
  sub->add_option("--timeout", o->timeout_seconds, "seconds a connection may last")
      ->capture_default_str();
  sub->add_flag("--once", o->once, "serve one connection, then exit");
  return {sub, [o] { return run(*o); }};
}

}  // namespace gauntlet::cli
