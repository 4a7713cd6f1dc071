// What one benchmark negotiates, and the sides that negotiate it: our engine
// or OpenSSL's libssl, configured alike over one of the test PKI's
// identities.
#pragma once

#include <memory>
#include <string>

#include "bench/endpoint.h"

namespace gauntlet::bench {

enum class Resumption { none, session_id, ticket };

enum class Version { tls12, tls13 };
// The server's chain and key (bench/pki.h).
enum class ServerKey { rsa, ecdsa };

// TLS 1.3 resumption (RFC 8446 §4.6.1): each server sends one ticket per
// handshake, full or resumed (OpenSSL's default is two after a full one).
inline constexpr int kTls13Tickets = 1;

struct Scenario {
  std::string suite;  // TLS 1.2: OpenSSL's name; TLS 1.3: the IANA name
  Resumption resumption = Resumption::none;
  Version version = Version::tls12;
  // TLS 1.3 agrees on x25519 on both sides (RFC 7748); TLS 1.2 on each
  // side's default, x25519 first in both.
  ServerKey key = ServerKey::rsa;
  // Server: cache sessions by ID. Off to measure a connection alone.
  bool session_cache = true;
};

// Both verify what they should: a client checks the chain against the test
// root and the name "localhost".
std::unique_ptr<Side> server_side(Impl impl, const Scenario& s);
std::unique_ptr<Side> client_side(Impl impl, const Scenario& s);

}  // namespace gauntlet::bench
