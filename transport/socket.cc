#include "transport/socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>

namespace gauntlet::net {

namespace {

std::atomic<bool> g_cancelled{false};
static_assert(std::atomic<bool>::is_always_lock_free, "cancel_waits runs in signal handlers");

// The longest single poll: a cancellation is seen within this.
constexpr int kPollSliceMs = 100;

Error cancelled() { return internal_error("cancelled: the run was interrupted"); }

Error system_error(const std::string& what) {
  return internal_error(what + ": " + std::strerror(errno));
}

Error timeout(const std::string& what) { return internal_error("timeout " + what); }

int remaining_ms(Deadline deadline) {
  // Rounded up, so that a wait that times out has reached its deadline.
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(left);
}

// Waits until fd is ready for `events`, the deadline passes or the waits
// are cancelled.
Status wait_for(int fd, short events, Deadline deadline, const std::string& what) {
  for (;;) {
    if (g_cancelled) return cancelled();
    const int left = remaining_ms(deadline);
    pollfd p{fd, events, 0};
    const int n = poll(&p, 1, std::min(left, kPollSliceMs));
    if (n > 0) return ok_status();
    if (n == 0 && left <= kPollSliceMs) return timeout(what);
    if (n < 0 && errno != EINTR) return system_error("poll");
  }
}

Result<addrinfo*> resolve(const std::string& host, uint16_t port, bool passive) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  if (passive) hints.ai_flags = AI_PASSIVE;
  addrinfo* out = nullptr;
  const int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &out);
  if (rc != 0) return internal_error("cannot resolve " + host + ": " + gai_strerror(rc));
  return out;
}

}  // namespace

Fd& Fd::operator=(Fd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.release();
  }
  return *this;
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

int Fd::release() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

Result<Fd> listen_tcp(const std::string& host, uint16_t port, int backlog) {
  auto ai = resolve(host, port, true);
  if (!ai) return ai.error();
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> list(*ai, freeaddrinfo);
  Fd fd(socket(list->ai_family, list->ai_socktype | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return system_error("socket");
  const int one = 1;
  setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd.get(), list->ai_addr, list->ai_addrlen) != 0) {
    return system_error("bind " + host + ":" + std::to_string(port));
  }
  if (listen(fd.get(), backlog) != 0) return system_error("listen");
  return fd;
}

Result<uint16_t> local_port(const Fd& fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getsockname(fd.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    return system_error("getsockname");
  }
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
}

Result<Fd> accept_until(const Fd& listener, Deadline deadline, std::string* peer) {
  if (auto st = wait_for(listener.get(), POLLIN, deadline, "waiting for a connection"); !st) {
    return st.error();
  }
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  Fd fd(accept4(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len, SOCK_CLOEXEC));
  if (!fd.valid()) return system_error("accept");
  if (peer) {
    char host[NI_MAXHOST] = "", service[NI_MAXSERV] = "";
    getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, service,
                sizeof service, NI_NUMERICHOST | NI_NUMERICSERV);
    *peer = std::string(host) + ":" + service;
  }
  const int one = 1;
  setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

Result<Fd> connect_tcp(const std::string& host, uint16_t port, Deadline deadline) {
  auto ai = resolve(host, port, false);
  if (!ai) return ai.error();
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> list(*ai, freeaddrinfo);
  Error last = internal_error("no address for " + host);
  for (addrinfo* a = list.get(); a; a = a->ai_next) {
    Fd fd(socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd.valid()) return system_error("socket");
    if (connect(fd.get(), a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) {
      last = system_error("connect to " + host + ":" + std::to_string(port));
      continue;
    }
    if (auto st = wait_for(fd.get(), POLLOUT, deadline, "connecting to " + host); !st) {
      return st.error();
    }
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
      errno = err;
      last = system_error("connect to " + host + ":" + std::to_string(port));
      continue;
    }
    fcntl(fd.get(), F_SETFL, fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    const int one = 1;
    setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
  }
  return last;
}

Result<std::pair<std::string, uint16_t>> split_host_port(const std::string& s) {
  const size_t colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s.size()) {
    return decode_error("expected HOST:PORT, got '" + s + "'");
  }
  std::string host = s.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = s.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
      std::stoul(port) > 65535) {
    return decode_error("bad port in '" + s + "'");
  }
  return std::pair{host, static_cast<uint16_t>(std::stoul(port))};
}

// Both try the socket first and poll only when it would block: a send
// almost never does, and a read often finds the peer's flight already there.
Status send_all(const Fd& fd, ByteView bytes, Deadline deadline) {
  size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n =
        ::send(fd.get(), bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) {
      off += static_cast<size_t>(n);
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (auto st = wait_for(fd.get(), POLLOUT, deadline, "sending"); !st) return st;
    } else if (errno != EINTR) {
      return system_error("send");
    }
  }
  return ok_status();
}

Result<Bytes> receive_some(const Fd& fd, Deadline deadline, size_t max) {
  Bytes buf(max);
  for (;;) {
    if (g_cancelled) return cancelled();
    if (Clock::now() >= deadline) return timeout("waiting for the peer");
    const ssize_t n = ::recv(fd.get(), buf.data(), buf.size(), MSG_DONTWAIT);
    if (n >= 0) {
      buf.resize(static_cast<size_t>(n));
      return buf;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (auto st = wait_for(fd.get(), POLLIN, deadline, "waiting for the peer"); !st) {
        return st.error();
      }
    } else if (errno == ECONNRESET) {
      return Bytes{};
    } else if (errno != EINTR) {
      return system_error("recv");
    }
  }
}

bool is_timeout(const Error& e) { return e.reason.rfind("timeout", 0) == 0; }

void cancel_waits() { g_cancelled = true; }
bool waits_cancelled() { return g_cancelled; }
bool is_cancelled(const Error& e) { return e.reason.rfind("cancelled", 0) == 0; }

}  // namespace gauntlet::net
