// Targets by their command-line names: self, openssl, openssl-proc,
// gnutls-proc, HOST:PORT (an external server) and client-cmd:'CMD' (an
// external client launched per connection; {host} and {port} in CMD are
// replaced by where our scripted server listens).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "conformance/sut/peer_setup.h"
#include "conformance/sut/target.h"

namespace gauntlet::conformance {

struct TargetOptions {
  Pki pki;
  std::string sni;  // HOST:PORT: the server name to send
  std::string ca;   // HOST:PORT: verify its chain against this; empty: do not
  std::chrono::milliseconds timeout{5000};  // the feature scan's waits
  // HOST:PORT with `ca`: a chain that does not verify is an Error (a setup
  // error), unless this says to run on without verifying.
  bool no_verify = false;
  PeerSetup setup;  // HOST:PORT and client-cmd: what the user stated of their setup
};

Result<std::unique_ptr<Target>> make_target(const std::string& spec, const TargetOptions& o);

}  // namespace gauntlet::conformance
