// What one benchmark negotiates, and the sides that negotiate it: our engine
// or OpenSSL's libssl, configured alike over the test PKI's RSA identity.
#pragma once

#include <memory>
#include <string>

#include "bench/endpoint.h"

namespace gauntlet::bench {

enum class Resumption { none, session_id, ticket };

struct Scenario {
  std::string suite;  // OpenSSL name; TLS 1.2 only
  Resumption resumption = Resumption::none;
  // Server: cache sessions by ID. Off to measure a connection alone.
  bool session_cache = true;
};

// Both verify what they should: a client checks the chain against the test
// root and the name "localhost".
std::unique_ptr<Side> server_side(Impl impl, const Scenario& s);
std::unique_ptr<Side> client_side(Impl impl, const Scenario& s);

}  // namespace gauntlet::bench
