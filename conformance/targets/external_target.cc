#include "conformance/targets/external_target.h"

#include <algorithm>

#include "conformance/targets/process_target.h"
#include "conformance/targets/socket_channel.h"
#include "conformance/targets/subprocess.h"

namespace gauntlet::conformance {

namespace {

class RemoteServer final : public SutInstance {
 public:
  RemoteServer(std::string host, uint16_t port) : host_(std::move(host)), port_(port) {}
  Result<std::unique_ptr<Channel>> next_connection(net::Deadline deadline,
                                                   PreviousConnection) override {
    auto fd = net::connect_tcp(host_, port_, deadline);
    if (!fd) return fd.error();
    return std::unique_ptr<Channel>(std::make_unique<SocketChannel>(std::move(fd).value()));
  }

 private:
  std::string host_;
  uint16_t port_;
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

}  // namespace

std::optional<std::string> ExternalServerTarget::cannot_run(const Case& c) const {
  if (c.scenario->scripted == Role::server) return "an external server cannot play the client";
  return std::nullopt;  // the setup it needs is the feature scan's to check
}

Result<std::unique_ptr<SutInstance>> ExternalServerTarget::start(const Case&, net::Deadline) const {
  return std::unique_ptr<SutInstance>(std::make_unique<RemoteServer>(host_, port_));
}

ClientCommandTarget::ClientCommandTarget(std::string command) : command_(std::move(command)) {
  const std::vector<std::string> argv = split_command(command_);
  const std::string program = argv.empty() ? command_ : argv.front();
  name_ = "client-cmd:" + program.substr(program.find_last_of('/') + 1);
}

std::optional<std::string> ClientCommandTarget::cannot_run(const Case& c) const {
  if (c.scenario->scripted == Role::client) return "a client command cannot play the server";
  // Whether it connects again, and how, is its profile's to say (the
  // feature scan's check, runner/feature_scan.h).
  return std::nullopt;
}

Result<std::unique_ptr<SutInstance>> ClientCommandTarget::start(const Case&, net::Deadline) const {
  const auto argv_for = [cmd = command_](uint16_t port, const ClientTurn&) {
    const std::string line = replace_all(replace_all(cmd, "{host}", "127.0.0.1"), "{port}",
                                         std::to_string(port));
    return std::vector<std::string>{"/bin/sh", "-c", line};
  };
  return start_client_process(argv_for, ClientReconnects::never);
}

}  // namespace gauntlet::conformance
