// What `gauntlet serve` is told on its command line (cli/serve_command.cc
// registers and range-checks each option).
#pragma once

#include <cstdint>
#include <string>

#include "cli/peer_options.h"

namespace gauntlet::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 4433;
  // TLS 1.0 and 1.1 stay off unless asked for: CBC there is open to BEAST
  // (RFC 8996 deprecates both).
  TlsOptions tls{"tls1.2:tls1.3"};
  std::string cert, key, ca, verify = "none", alpn;
  bool www = false, tickets = false, once = false;
  bool hello_retry = false;      // TLS 1.3 (RFC 8446 §4.1.4)
  uint32_t max_early_data = 0;   // TLS 1.3 0-RTT taken, with --tickets (§4.2.10)
  int max_connections = 1024;
  int threads = 0;                     // event loops; 0: one per core
  int timeout_seconds = 300;           // a whole connection
  int handshake_timeout_seconds = 10;  // from accept to the first handshake's end
  int idle_timeout_seconds = 30;       // without a byte from the peer
  int max_renegotiations = 3;
};

}  // namespace gauntlet::cli
