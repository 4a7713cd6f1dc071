// A TLS load generator for `gauntlet serve` and `openssl s_server`: N client
// threads, each connecting, completing a full handshake with libssl,
// closing and starting again, for a fixed time. One client library for both
// servers, so any difference is the server's. `--idle N` first opens N TCP
// connections that never send a byte and holds them for the whole run (the
// slowloris load a server must keep accepting under); `--timeout-ms` bounds
// each handshake, so a server that stops answering counts failures rather
// than stalling the run. Prints one line:
//   clients=N idle=I idle_open=J handshakes=H failures=F seconds=S
//   per_second=R p50_ms=A p99_ms=B
// (idle_open: how many idle connections the server still held at the end).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/crypto/openssl_ptr.h"

namespace gauntlet::bench {
namespace {

using Clock = std::chrono::steady_clock;
using SslCtxPtr = OpenSslPtr<SSL_CTX, SSL_CTX_free>;
using SslPtr = OpenSslPtr<SSL, SSL_free>;

class Socket {
 public:
  Socket() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(Socket&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

struct Options {
  std::string host;
  uint16_t port = 0;
  int clients = 1;
  double seconds = 5;
  std::string cipher = "ECDHE-RSA-AES128-GCM-SHA256";
  int idle = 0;
  int timeout_ms = 5000;
};

struct Results {
  std::mutex mu;
  std::vector<double> latencies_ms;
  std::atomic<long> failures{0};
};

// A connected socket whose connect, sends and receives each give up after
// `timeout_ms` (Linux applies SO_SNDTIMEO to connect too).
bool connect_bounded(const Socket& s, const sockaddr_in& addr, int timeout_ms) {
  if (s.fd() < 0) return false;
  const int one = 1;
  setsockopt(s.fd(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  const timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  setsockopt(s.fd(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(s.fd(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  return ::connect(s.fd(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
}

// One connection: TCP connect, full handshake, close_notify. The latency is
// all of it, as a client sees it.
bool one_handshake(SSL_CTX* ctx, const sockaddr_in& addr, int timeout_ms) {
  Socket s;
  if (!connect_bounded(s, addr, timeout_ms)) return false;
  SslPtr ssl(SSL_new(ctx));
  if (!ssl || SSL_set_fd(ssl.get(), s.fd()) != 1) return false;
  const bool ok = SSL_connect(ssl.get()) == 1;
  if (ok) SSL_shutdown(ssl.get());
  ERR_clear_error();
  return ok;
}

void client_loop(SSL_CTX* ctx, const sockaddr_in& addr, int timeout_ms, Clock::time_point end,
                 Results& r) {
  std::vector<double> mine;
  while (Clock::now() < end) {
    const auto start = Clock::now();
    if (!one_handshake(ctx, addr, timeout_ms)) {
      ++r.failures;
      continue;
    }
    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::lock_guard lock(r.mu);
  r.latencies_ms.insert(r.latencies_ms.end(), mine.begin(), mine.end());
}

// Whether the server still holds an idle connection: no EOF or reset yet.
bool still_open(const Socket& s) {
  char byte;
  const ssize_t n = ::recv(s.fd(), &byte, 1, MSG_DONTWAIT | MSG_PEEK);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(i), v.end());
  return v[i];
}

int run(const Options& o) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(o.port);
  if (inet_pton(AF_INET, o.host.c_str(), &addr.sin_addr) != 1) {
    std::fprintf(stderr, "loadgen: bad IPv4 address %s\n", o.host.c_str());
    return 2;
  }
  SslCtxPtr ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) return 1;
  // Full handshakes only, and no verification: the client's own work is kept
  // small and the same for every server.
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  SSL_CTX_set_max_proto_version(ctx.get(), TLS1_2_VERSION);
  SSL_CTX_set_options(ctx.get(), SSL_OP_NO_TICKET);
  SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_OFF);
  if (SSL_CTX_set_cipher_list(ctx.get(), o.cipher.c_str()) != 1) {
    std::fprintf(stderr, "loadgen: unknown cipher %s\n", o.cipher.c_str());
    return 2;
  }
  std::vector<Socket> idle;
  for (int i = 0; i < o.idle; ++i) {
    Socket s;
    if (!connect_bounded(s, addr, o.timeout_ms)) {
      std::fprintf(stderr, "loadgen: idle connection %d of %d failed\n", i + 1, o.idle);
      return 1;
    }
    idle.push_back(std::move(s));
  }
  Results r;
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(o.seconds));
  std::vector<std::thread> threads;
  for (int i = 0; i < o.clients; ++i) {
    threads.emplace_back(client_loop, ctx.get(), std::cref(addr), o.timeout_ms, end, std::ref(r));
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const size_t n = r.latencies_ms.size();
  const double p50 = percentile(r.latencies_ms, 0.50);
  const double p99 = percentile(r.latencies_ms, 0.99);
  const auto idle_open = std::count_if(idle.begin(), idle.end(), still_open);
  std::printf(
      "clients=%d idle=%d idle_open=%ld handshakes=%zu failures=%ld seconds=%.2f per_second=%.1f "
      "p50_ms=%.2f p99_ms=%.2f\n",
      o.clients, o.idle, static_cast<long>(idle_open), n, r.failures.load(), elapsed,
      static_cast<double>(n) / elapsed, p50, p99);
  return n > 0 ? 0 : 1;
}

}  // namespace
}  // namespace gauntlet::bench

int main(int argc, char** argv) {
  const char* usage =
      "usage: loadgen HOST PORT CLIENTS SECONDS [OPENSSL-CIPHER] [--idle N] [--timeout-ms MS]\n";
  std::vector<std::string> positional;
  gauntlet::bench::Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--idle" || arg == "--timeout-ms") && i + 1 < argc) {
      const int value = std::atoi(argv[++i]);
      if (value < 0 || (arg == "--timeout-ms" && value == 0)) {
        std::fputs(usage, stderr);
        return 2;
      }
      (arg == "--idle" ? o.idle : o.timeout_ms) = value;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() < 4 || positional.size() > 5) {
    std::fputs(usage, stderr);
    return 2;
  }
  o.host = positional[0];
  o.port = static_cast<uint16_t>(std::atoi(positional[1].c_str()));
  o.clients = std::max(1, std::atoi(positional[2].c_str()));
  o.seconds = std::atof(positional[3].c_str());
  if (positional.size() == 5) o.cipher = positional[4];
  return gauntlet::bench::run(o);
}
