#include "cli/serve/serve_loop.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli/command.h"

namespace gauntlet::cli {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

// A signal set between the check of g_stop and epoll_wait is seen at the
// next wake-up; this bounds how late that is.
constexpr int kMaxWaitMs = 100;

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

// Each held connection is a descriptor: raise the soft limit toward the
// hard one so --max-connections can be reached.
void raise_fd_limit(size_t connections) {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  const rlim_t want = std::min<rlim_t>(rl.rlim_max, static_cast<rlim_t>(connections) + 64);
  if (rl.rlim_cur < want) {
    rl.rlim_cur = want;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

std::string peer_name(const sockaddr_storage& addr, socklen_t len) {
  char host[NI_MAXHOST] = "", service[NI_MAXSERV] = "";
  getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, service,
              sizeof service, NI_NUMERICHOST | NI_NUMERICSERV);
  return std::string(host) + ":" + service;
}

class Loop {
 public:
  // `active` counts the clients of every loop, for --max-connections.
  Loop(net::Fd epoll, int listener, std::shared_ptr<const Config> config,
       const SessionPolicy& policy, const LoopOptions& options, std::atomic<size_t>& active)
      : epoll_fd_(std::move(epoll)), epoll_(epoll_fd_.get()), listener_(listener),
        config_(std::move(config)), policy_(policy), options_(options), active_(active) {}

  void run() {
    resume_accepting();
    epoll_event events[64];
    while (!g_stop && !(options_.once && accepted_ > 0 && sessions_.empty())) {
      const int n = epoll_wait(epoll_, events, 64, wait_ms());
      if (n < 0 && errno != EINTR) {
        if (policy_.log) policy_.log("epoll_wait: " + std::string(std::strerror(errno)));
        break;
      }
      const auto now = net::Clock::now();
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listener_) {
          accept_all(now);
          continue;
        }
        auto it = sessions_.find(fd);
        if (it == sessions_.end()) continue;
        ServeSession& s = *it->second;
        if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) s.on_readable(now);
        if (!s.finished() && (events[i].events & EPOLLOUT)) s.on_writable();
        update(it);
      }
      expire(net::Clock::now());
      resume_accepting();
    }
    for (auto& [fd, s] : sessions_) s->stop();
    forget_all();
  }

 private:
  using Sessions = std::unordered_map<int, std::unique_ptr<ServeSession>>;

  void watch(int fd, uint32_t events, int op) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    epoll_ctl(epoll_, op, fd, &ev);
  }

  // Until the nearest deadline; sessions are few hundred, a scan is cheap
  // beside the handshakes they stand for.
  int wait_ms() const {
    auto next = net::Clock::now() + std::chrono::milliseconds(kMaxWaitMs);
    for (const auto& [fd, s] : sessions_) next = std::min(next, s->deadline());
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(next - net::Clock::now()).count();
    return static_cast<int>(std::max<int64_t>(0, ms));
  }

  bool full() const {
    return active_.load() >= options_.max_connections || (options_.once && accepted_ > 0);
  }

  void accept_all(net::Clock::time_point now) {
    while (!full()) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      // Another loop may have taken it: EAGAIN, nothing lost.
      net::Fd fd(accept4(listener_, reinterpret_cast<sockaddr*>(&addr), &len,
                         SOCK_NONBLOCK | SOCK_CLOEXEC));
      if (!fd.valid()) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && policy_.log) {
          policy_.log("accept: " + std::string(std::strerror(errno)));
        }
        break;
      }
      const int one = 1;
      setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      const int raw = fd.get();
      auto s = std::make_unique<ServeSession>(std::move(fd), peer_name(addr, len), config_,
                                              policy_, now);
      ++accepted_;
      ++active_;
      watch(raw, EPOLLIN, EPOLL_CTL_ADD);
      sessions_.emplace(raw, std::move(s));
    }
    // Full (or --once served): the backlog holds newcomers until a slot
    // frees; the listener stays out of epoll so it does not spin.
    if (full() && listening_) {
      watch(listener_, 0, EPOLL_CTL_DEL);
      listening_ = false;
    }
  }

  void resume_accepting() {
    if (listening_ || full()) return;
    watch(listener_, EPOLLIN | EPOLLEXCLUSIVE, EPOLL_CTL_ADD);
    listening_ = true;
  }

  void forget(Sessions::iterator it) {
    sessions_.erase(it);
    --active_;
  }
  void forget_all() {
    active_ -= sessions_.size();
    sessions_.clear();
  }

  // Interest follows what the session wants; a finished one is forgotten
  // (its descriptor is closed, which also takes it out of epoll).
  void update(Sessions::iterator it) {
    ServeSession& s = *it->second;
    if (s.finished()) {
      forget(it);
      return;
    }
    uint32_t events = 0;
    if (s.wants_read()) events |= EPOLLIN;
    if (s.wants_write()) events |= EPOLLOUT;
    watch(s.fd(), events, EPOLL_CTL_MOD);
  }

  void expire(net::Clock::time_point now) {
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      if (it->second->deadline() <= now) {
        it->second->expire(now);
        --active_;
        it = sessions_.erase(it);
      } else {
        ++it;
      }
    }
  }

  const net::Fd epoll_fd_;
  const int epoll_;
  const int listener_;
  const std::shared_ptr<const Config> config_;
  const SessionPolicy& policy_;
  const LoopOptions options_;
  std::atomic<size_t>& active_;
  Sessions sessions_;
  size_t accepted_ = 0;
  bool listening_ = false;
};

}  // namespace

int serve_loop(net::Fd listener, std::shared_ptr<const Config> config,
               const SessionPolicy& policy, const LoopOptions& options) {
  const int flags = fcntl(listener.get(), F_GETFL);
  if (flags < 0 || fcntl(listener.get(), F_SETFL, flags | O_NONBLOCK) != 0) return kUsageError;
  const size_t threads = options.once ? 1 : std::max<size_t>(1, options.threads);
  std::vector<std::unique_ptr<Loop>> loops;
  std::atomic<size_t> active{0};
  for (size_t i = 0; i < threads; ++i) {
    net::Fd epoll(epoll_create1(EPOLL_CLOEXEC));
    if (!epoll.valid()) return kUsageError;
    loops.push_back(
        std::make_unique<Loop>(std::move(epoll), listener.get(), config, policy, options, active));
  }
  raise_fd_limit(options.max_connections);
  install_signal_handlers();
  std::vector<std::thread> running;
  for (size_t i = 1; i < loops.size(); ++i) running.emplace_back([&loop = *loops[i]] { loop.run(); });
  loops.front()->run();
  // --once ends with the first loop; the others (none then) or a signal.
  g_stop = true;
  for (std::thread& t : running) t.join();
  return 0;
}

}  // namespace gauntlet::cli
