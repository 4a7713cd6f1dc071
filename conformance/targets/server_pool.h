// Server processes kept from one case to the next. Starting s_server or
// gnutls-serv for every case made most of a process target's matrix time;
// a case hands its server back when it ends, and the next case whose
// command line is the same (port aside) takes it. One case uses a server at
// a time (s_server serves one connection at a time). A server that has
// exited, or that a case left in a state no one knows (the case ended in
// an error, or with the server still sending), is not handed back: it is
// killed, and the next case starts its own.
#pragma once

#include <list>
#include <functional>
#include <memory>
#include <mutex>

#include "conformance/sut/target.h"
#include "conformance/targets/subprocess.h"

namespace gauntlet::conformance {

class ServerPool : public std::enable_shared_from_this<ServerPool> {
 public:
  using Argv = std::function<std::vector<std::string>(uint16_t port)>;

  // `ready`: what the server prints once it listens.
  static std::shared_ptr<ServerPool> make(std::string name, std::string ready, size_t max_idle);

  // An idle server whose command line `argv_for` gives (port aside), or
  // one started now; every wait ends by `deadline`.
  Result<std::unique_ptr<SutInstance>> acquire(const Argv& argv_for, net::Deadline deadline);
  // Servers started since the pool was made: how often none could be reused.
  size_t started() const;

 private:
  struct Server {
    std::string key;  // its command line with port 0
    Subprocess process;
    uint16_t port;
  };
  friend class PooledServer;
  ServerPool(std::string name, std::string ready, size_t max_idle)
      : name_(std::move(name)), ready_(std::move(ready)), max_idle_(max_idle) {}
  Result<Server> start(const std::string& key, const Argv& argv_for, net::Deadline deadline);
  void give_back(Server server);

  std::string name_;
  std::string ready_;
  size_t max_idle_;
  mutable std::mutex mu_;
  std::list<Server> idle_;  // oldest first
  size_t started_ = 0;
};

}  // namespace gauntlet::conformance
