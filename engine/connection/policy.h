// The server's client-certificate policy and the renegotiation policy of a
// Config, and the one rule that applies the latter.
#pragma once

namespace gauntlet {

enum class ClientAuth { none, optional, required };

// RFC 5746: renegotiation only with renegotiation_info (secure), also with
// peers that lack it (insecure, CVE-2009-3555), or never.
enum class RenegotiationPolicy { refuse, secure, allow_insecure };

// Whether a renegotiation may start — asked for by our side, a HelloRequest
// or a client's new ClientHello — on a connection whose handshake did (secure)
// or did not negotiate RFC 5746. If not, the answer is no_renegotiation.
constexpr bool renegotiation_allowed(RenegotiationPolicy policy, bool secure) {
  switch (policy) {
    case RenegotiationPolicy::refuse: return false;
    case RenegotiationPolicy::secure: return secure;
    case RenegotiationPolicy::allow_insecure: return true;
  }
  return false;
}

}  // namespace gauntlet
