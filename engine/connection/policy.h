// The server's client-certificate policy, the renegotiation policy and the
// TLS 1.3 record padding policy of a Config, and the one rule that applies
// the renegotiation policy.
#pragma once

#include <cstddef>

#include "engine/record/tls13_padding.h"

namespace gauntlet {

// RFC 8446 §5.4: the zero padding of our TLS 1.3 records: none, the inner
// plaintext up to a multiple of `block`, a random amount, or as much as
// fits. It hides the length of what we send; the receiver strips it. The
// modes are the record layer's (Tls13Padding).
struct RecordPadding {
  using Mode = Tls13PaddingMode;
  Mode mode = Mode::none;
  size_t block = 0;  // to_block only
};

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
