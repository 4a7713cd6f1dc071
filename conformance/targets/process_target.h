// Targets "openssl-proc" and "gnutls-proc": the stack's own command-line
// server or client (openssl s_server/s_client, gnutls-serv/gnutls-cli),
// started afresh for every case on a free loopback port, killed after it.
#pragma once

#include <functional>
#include <set>
#include <vector>

#include "conformance/sut/peer_setup.h"
#include "conformance/sut/target.h"

namespace gauntlet::conformance {

// How one stack's tools are run for a case.
struct PeerTool {
  std::string name;          // the target's name
  std::string server_ready;  // what the server prints once it listens
  std::function<std::vector<std::string>(const Case&, uint16_t port, const Pki&)> server;
  std::function<std::vector<std::string>(const Case&, uint16_t port, const Pki&)> client;
  std::set<CipherSuite> suites;  // what the tools negotiate
  std::function<std::optional<std::string>(const Case&)> cannot_run;
  PeerSetup setup;  // what the stack lacks, against scenarios' `requires:`
};

// nullopt when the tools are not installed.
std::optional<PeerTool> openssl_tool();
std::optional<PeerTool> gnutls_tool();

class ProcessTarget final : public Target {
 public:
  ProcessTarget(PeerTool tool, Pki pki) : tool_(std::move(tool)), pki_(std::move(pki)) {}
  std::string name() const override { return tool_.name; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  PeerTool tool_;
  Pki pki_;
};

// A tool's path if it is on PATH.
std::optional<std::string> find_program(const std::string& name);

// A SUT client: we listen, `argv_for(port)` connects to us; each
// connection of the case is the client's next one. Shared by the process
// targets and client-cmd.
Result<std::unique_ptr<SutInstance>> start_client_process(
    const std::function<std::vector<std::string>(uint16_t port)>& argv_for);

}  // namespace gauntlet::conformance
