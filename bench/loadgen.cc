// A TLS load generator for `gauntlet serve` and `openssl s_server`: N client
// threads, each connecting, completing a full handshake with libssl,
// closing and starting again, for a fixed time. One client library for both
// servers, so any difference is the server's. Prints one line:
//   clients=N handshakes=H failures=F seconds=S per_second=R p50_ms=A p99_ms=B
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
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
};

struct Results {
  std::mutex mu;
  std::vector<double> latencies_ms;
  std::atomic<long> failures{0};
};

// One connection: TCP connect, full handshake, close_notify. The latency is
// all of it, as a client sees it.
bool one_handshake(SSL_CTX* ctx, const sockaddr_in& addr) {
  Socket s;
  if (s.fd() < 0) return false;
  const int one = 1;
  setsockopt(s.fd(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(s.fd(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) return false;
  SslPtr ssl(SSL_new(ctx));
  if (!ssl || SSL_set_fd(ssl.get(), s.fd()) != 1) return false;
  const bool ok = SSL_connect(ssl.get()) == 1;
  if (ok) SSL_shutdown(ssl.get());
  ERR_clear_error();
  return ok;
}

void client_loop(SSL_CTX* ctx, const sockaddr_in& addr, Clock::time_point end, Results& r) {
  std::vector<double> mine;
  while (Clock::now() < end) {
    const auto start = Clock::now();
    if (!one_handshake(ctx, addr)) {
      ++r.failures;
      continue;
    }
    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::lock_guard lock(r.mu);
  r.latencies_ms.insert(r.latencies_ms.end(), mine.begin(), mine.end());
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
  Results r;
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(o.seconds));
  std::vector<std::thread> threads;
  for (int i = 0; i < o.clients; ++i) {
    threads.emplace_back(client_loop, ctx.get(), std::cref(addr), end, std::ref(r));
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const size_t n = r.latencies_ms.size();
  const double p50 = percentile(r.latencies_ms, 0.50);
  const double p99 = percentile(r.latencies_ms, 0.99);
  std::printf("clients=%d handshakes=%zu failures=%ld seconds=%.2f per_second=%.1f p50_ms=%.2f p99_ms=%.2f\n",
              o.clients, n, r.failures.load(), elapsed, static_cast<double>(n) / elapsed, p50, p99);
  return n > 0 ? 0 : 1;
}

}  // namespace
}  // namespace gauntlet::bench

int main(int argc, char** argv) {
  if (argc < 5 || argc > 6) {
    std::fprintf(stderr, "usage: loadgen HOST PORT CLIENTS SECONDS [OPENSSL-CIPHER]\n");
    return 2;
  }
  gauntlet::bench::Options o;
  o.host = argv[1];
  o.port = static_cast<uint16_t>(std::atoi(argv[2]));
  o.clients = std::max(1, std::atoi(argv[3]));
  o.seconds = std::atof(argv[4]);
  if (argc == 6) o.cipher = argv[5];
  return gauntlet::bench::run(o);
}
