// Targets "openssl-proc" and "gnutls-proc": the stack's own command-line
// server or client (openssl s_server/s_client, gnutls-serv/gnutls-cli) on a
// free loopback port. A client is started for each case (or each of its
// connections); a server is kept for the next case of the same flags
// (targets/server_pool.h).
#pragma once

#include <functional>
#include <set>
#include <vector>

#include "conformance/sut/peer_setup.h"
#include "conformance/sut/target.h"
#include "conformance/targets/server_pool.h"

namespace gauntlet::conformance {

// How a client tool makes a case's later connections.
enum class ClientReconnects {
  never,             // it connects once (any client command)
  resume_once,       // in process, once: the first connection is closed right after its handshake
  run_per_connection,  // not itself: it is run again for each, its session carried in a file
};

// One run of a SUT client: the case's connection it makes first, the file
// it writes its session to, the session file it offers, if any, and a file
// holding its request, to send as 0-RTT data (empty for a client that
// connects once).
struct ClientTurn {
  int connection = 0;
  std::string session_out;
  std::optional<std::string> session_in;
  std::string early_data_file;
};

// How one stack's tools are run for a case.
struct PeerTool {
  std::string name;          // the target's name
  std::string server_ready;  // what the server prints once it listens
  std::function<std::vector<std::string>(const Case&, uint16_t port, const Pki&)> server;
  std::function<std::vector<std::string>(const Case&, uint16_t port, const Pki&, const ClientTurn&)>
      client;
  ClientReconnects reconnects = ClientReconnects::never;
  std::set<CipherSuite> suites;  // what the tools negotiate
  std::function<std::optional<std::string>(const Case&)> cannot_run;
  PeerSetup setup;  // what the stack lacks, against scenarios' `requires:`
};

// nullopt when the tools are not installed.
std::optional<PeerTool> openssl_tool();
std::optional<PeerTool> gnutls_tool();

class ProcessTarget final : public Target {
 public:
  ProcessTarget(PeerTool tool, Pki pki);
  std::string name() const override { return tool_.name; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;
  // s_server -rev and gnutls-serv --echo answer what arrives.
  PeerFacts facts() const override {
    PeerFacts f;
    f.answers_data = true;
    return f;
  }

 private:
  PeerTool tool_;
  Pki pki_;
  std::shared_ptr<ServerPool> servers_;
};

// A tool's path if it is on PATH.
std::optional<std::string> find_program(const std::string& name);

// Why a client that reconnects as `how` cannot play scenario `s`; nullopt
// when it can.
std::optional<std::string> client_cannot_reconnect(const std::string& name, ClientReconnects how,
                                                   const Scenario& s);

// A SUT client: we listen, `argv_for(port, turn)` connects to us. Run once
// per case, each connection being its next one; or, run_per_connection,
// once per connection, after the last run has exited. Shared by the
// process targets and client-cmd.
Result<std::unique_ptr<SutInstance>> start_client_process(
    std::function<std::vector<std::string>(uint16_t port, const ClientTurn&)> argv_for,
    ClientReconnects reconnects);

}  // namespace gauntlet::conformance
