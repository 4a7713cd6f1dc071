// What `gauntlet serve` is told on its command line (cli/serve_command.cc
// registers and range-checks each option).
#pragma once

#include <cstdint>
#include <string>

namespace gauntlet::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 4433;
  // TLS 1.0 and 1.1 stay off unless asked for: CBC there is open to BEAST
  // (RFC 8996 deprecates both).
  std::string cert, key, ca, versions = "tls1.2:tls1.3", suites, tls13_suites, groups,
      verify = "none", keylog, alpn;
  // SSL 2.0 cipher kinds for a --versions range that includes ssl2; empty:
  // every kind the engine has, export ones included.
  std::string ssl2_kinds;
  bool www = false, tickets = false, once = false;
  bool no_middlebox_compat = false, hello_retry = false;  // TLS 1.3 (RFC 8446 D.4, §4.1.4)
  int max_connections = 1024;
  int threads = 0;                     // event loops; 0: one per core
  int timeout_seconds = 300;           // a whole connection
  int handshake_timeout_seconds = 10;  // from accept to the first handshake's end
  int idle_timeout_seconds = 30;       // without a byte from the peer
  int max_renegotiations = 3;
};

}  // namespace gauntlet::cli
