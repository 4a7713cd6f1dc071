#include "conformance/targets/process_target.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "conformance/targets/socket_channel.h"
#include "conformance/targets/subprocess.h"

namespace gauntlet::conformance {

namespace {

// How long a peer process may take to exit on SIGTERM, printing its last
// lines, before the case moves on (and SIGKILL follows).
constexpr std::chrono::milliseconds kGrace{300};

class ServerProcess final : public SutInstance {
 public:
  ServerProcess(Subprocess p, uint16_t port) : process_(std::move(p)), port_(port) {}
  Result<std::unique_ptr<Channel>> next_connection(net::Deadline deadline) override {
    auto fd = net::connect_tcp("127.0.0.1", port_, deadline);
    if (!fd) return fd.error();
    return std::unique_ptr<Channel>(std::make_unique<SocketChannel>(std::move(fd).value()));
  }
  std::string finish() override {
    process_.stop(kGrace);
    return process_.output();
  }

 private:
  Subprocess process_;
  uint16_t port_;
};

class ClientProcess final : public SutInstance {
 public:
  ClientProcess(net::Fd listener, std::function<std::vector<std::string>(uint16_t)> argv_for,
                uint16_t port)
      : listener_(std::move(listener)), argv_for_(std::move(argv_for)), port_(port) {}

  Result<std::unique_ptr<Channel>> next_connection(net::Deadline deadline) override {
    // The client starts with the first connection and makes the rest itself.
    if (!process_) {
      auto p = Subprocess::spawn(argv_for_(port_), std::string(kClientRequest));
      if (!p) return p.error();
      process_.emplace(std::move(p).value());
    }
    auto fd = net::accept_until(listener_, deadline);
    if (!fd) return fd.error();
    if (!fd->valid()) {
      return internal_error("timeout: the client did not connect; it printed: " + process_->output());
    }
    return std::unique_ptr<Channel>(std::make_unique<SocketChannel>(std::move(fd).value()));
  }
  std::string finish() override {
    if (!process_) return "";
    process_->stop(kGrace);
    return process_->output();
  }

 private:
  net::Fd listener_;
  std::function<std::vector<std::string>(uint16_t)> argv_for_;
  uint16_t port_;
  std::optional<Subprocess> process_;
};

}  // namespace

std::optional<std::string> find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  const std::string all = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= all.size()) {
    const size_t end = std::min(all.find(':', start), all.size());
    const std::string candidate = all.substr(start, end - start) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

Result<std::unique_ptr<SutInstance>> start_client_process(
    const std::function<std::vector<std::string>(uint16_t port)>& argv_for) {
  auto listener = net::listen_tcp("127.0.0.1", 0);
  if (!listener) return listener.error();
  auto port = net::local_port(*listener);
  if (!port) return port.error();
  return std::unique_ptr<SutInstance>(
      std::make_unique<ClientProcess>(std::move(listener).value(), argv_for, *port));
}

std::optional<std::string> ProcessTarget::cannot_run(const Case& c) const {
  if (!c.ssl2_kind && !tool_.suites.contains(c.suite)) return tool_.name + " does not negotiate " + openssl_name(c.suite);
  // s_client -reconnect and gnutls-cli --resume close each connection as
  // soon as its handshake is done: nothing else can happen on it.
  const Scenario& s = *c.scenario;
  if (s.scripted == Role::server && s.connections() > 1 &&
      std::ranges::any_of(s.steps, [](const Step& st) {
        return !st.is<HandshakeStep>() && !st.is<ReconnectStep>();
      })) {
    return tool_.name + "'s client only handshakes when it reconnects";
  }
  if (auto why = lacks(s, tool_.setup)) return why;
  return tool_.cannot_run(c);
}

Result<std::unique_ptr<SutInstance>> ProcessTarget::start(const Case& c, net::Deadline deadline) const {
  if (c.scenario->scripted == Role::server) {
    return start_client_process([this, &c](uint16_t port) { return tool_.client(c, port, pki_); });
  }
  // A free port can be taken between our check and the server's bind: retry.
  std::string last;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto port = free_port();
    if (!port) return port.error();
    auto p = Subprocess::spawn(tool_.server(c, *port, pki_));
    if (!p) return p.error();
    if (p->wait_for(tool_.server_ready, deadline)) {
      return std::unique_ptr<SutInstance>(std::make_unique<ServerProcess>(std::move(p).value(), *port));
    }
    last = p->output();
  }
  return internal_error(tool_.name + " server did not start: " + last);
}

}  // namespace gauntlet::conformance
