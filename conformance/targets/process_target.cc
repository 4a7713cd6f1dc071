#include "conformance/targets/process_target.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace gauntlet::conformance {

namespace {

// Idle servers kept at most: enough for the setups the cases of a few
// scenarios in a row use at -j 2, few enough to leave the machine's
// memory alone.
constexpr size_t kMaxIdleServers = 8;

}  // namespace

ProcessTarget::ProcessTarget(PeerTool tool, Pki pki)
    : tool_(std::move(tool)), pki_(std::move(pki)),
      servers_(ServerPool::make(tool_.name, tool_.server_ready, kMaxIdleServers)) {}

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

std::optional<std::string> ProcessTarget::cannot_run(const Case& c) const {
  if (!c.ssl2_kind && !tool_.suites.contains(c.suite)) {
    return tool_.name + " does not negotiate " + openssl_name(c.suite);
  }
  if (auto why = client_cannot_reconnect(tool_.name, tool_.reconnects, *c.scenario)) return why;
  if (auto why = lacks(*c.scenario, tool_.setup)) return why;
  return tool_.cannot_run(c);
}

Result<std::unique_ptr<SutInstance>> ProcessTarget::start(const Case& c, net::Deadline deadline) const {
  if (c.scenario->scripted == Role::server) {
    return start_client_process(
        [this, &c](uint16_t port, const ClientTurn& turn) { return tool_.client(c, port, pki_, turn); },
        tool_.reconnects);
  }
  return servers_->acquire([this, &c](uint16_t port) { return tool_.server(c, port, pki_); }, deadline);
}

}  // namespace gauntlet::conformance
