#include "conformance/targets/server_pool.h"

#include <algorithm>

#include "conformance/targets/socket_channel.h"

namespace gauntlet::conformance {

// One case's use of a pooled server: its connections, its output while the
// case ran, and the server back to the pool when the case lets it go.
class PooledServer final : public SutInstance {
 public:
  PooledServer(std::shared_ptr<ServerPool> pool, ServerPool::Server server)
      : pool_(std::move(pool)), server_(std::move(server)) {}
  // The case's channels are closed by now: the server has its end of file
  // and goes back to accepting.
  ~PooledServer() override {
    if (reusable_ && server_.process.running()) pool_->give_back(std::move(server_));
  }

  Result<std::unique_ptr<Channel>> next_connection(net::Deadline deadline, PreviousConnection) override {
    auto fd = net::connect_tcp("127.0.0.1", server_.port, deadline);
    if (!fd) return fd.error();
    return std::unique_ptr<Channel>(std::make_unique<SocketChannel>(std::move(fd).value()));
  }
  std::string finish(bool reusable) override {
    reusable_ = reusable;
    if (!reusable) server_.process.stop(kGrace);
    return server_.process.take_output();
  }

 private:
  // How long a server may take to exit on SIGTERM, printing its last lines.
  static constexpr std::chrono::milliseconds kGrace{300};

  std::shared_ptr<ServerPool> pool_;
  ServerPool::Server server_;
  bool reusable_ = false;
};

std::shared_ptr<ServerPool> ServerPool::make(std::string name, std::string ready, size_t max_idle) {
  return std::shared_ptr<ServerPool>(new ServerPool(std::move(name), std::move(ready), max_idle));
}

size_t ServerPool::started() const {
  std::lock_guard lock(mu_);
  return started_;
}

Result<std::unique_ptr<SutInstance>> ServerPool::acquire(const Argv& argv_for, net::Deadline deadline) {
  std::string key;
  for (const std::string& arg : argv_for(0)) key += arg + '\0';
  std::optional<Server> server;
  {
    std::lock_guard lock(mu_);
    // Newest first: the one the last case of this setup just gave back.
    for (auto it = idle_.rbegin(); it != idle_.rend(); ++it) {
      if (it->key != key) continue;
      server.emplace(std::move(*it));
      idle_.erase(std::next(it).base());
      break;
    }
  }
  // What it printed between cases is no case's.
  if (server && server->process.running()) (void)server->process.take_output();
  else server.reset();
  if (!server) {
    auto started = start(key, argv_for, deadline);
    if (!started) return started.error();
    server.emplace(std::move(started).value());
  }
  return std::unique_ptr<SutInstance>(std::make_unique<PooledServer>(shared_from_this(), std::move(*server)));
}

Result<ServerPool::Server> ServerPool::start(const std::string& key, const Argv& argv_for,
                                             net::Deadline deadline) {
  // A free port can be taken between our check and the server's bind: retry.
  std::string last;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto port = free_port();
    if (!port) return port.error();
    auto p = Subprocess::spawn(argv_for(*port));
    if (!p) return p.error();
    if (p->wait_for(ready_, deadline)) {
      std::lock_guard lock(mu_);
      ++started_;
      return Server{key, std::move(p).value(), *port};
    }
    last = p->output();
  }
  return internal_error(name_ + " server did not start: " + last);
}

void ServerPool::give_back(Server server) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(server));
  // The oldest goes first: its setup is the least likely to come again,
  // since cases run in scenario order.
  while (idle_.size() > max_idle_) idle_.pop_front();
}

}  // namespace gauntlet::conformance
