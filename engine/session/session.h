// What a resumable session remembers (RFC 5246 §7.2 "session state"): the
// parameters an abbreviated handshake must keep, and how it may be resumed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/x509.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/version.h"

namespace gauntlet {

// A session's peer chain as this process parsed it, shared by every copy of
// the session. Decoding a certificate is most of what an abbreviated
// handshake would otherwise cost (OpenSSL's sessions keep their X509s too).
// A cache of the DER in Session::peer_chain, not part of the value: every
// SharedChain compares equal.
struct SharedChain {
  std::shared_ptr<const std::vector<Certificate>> certificates;
  bool operator==(const SharedChain&) const { return true; }
};

// A TLS 1.3 session is one NewSessionTicket (RFC 8446 §4.6.1): master_secret
// holds the PSK the ticket stands for, created is when it was issued (server)
// or received (client), lifetime is ticket_lifetime, and ticket_age_add
// obfuscates the age the client reports (§4.2.11.1); max_early_data is the
// 0-RTT data the ticket allows (§4.2.10), none when zero, and alpn the
// protocol its connection negotiated, which 0-RTT data keeps (§4.2.10).
struct Session {
  Bytes id;  // empty for a ticket-only session
  ProtocolVersion version = ProtocolVersion::tls12;
  CipherSuite suite = CipherSuite::null_with_null_null;
  Bytes master_secret;
  bool extended_master_secret = false;  // RFC 7627 §5.3: resumption must match
  std::string server_name;              // RFC 6066 §3: resumption keeps the name
  std::vector<Bytes> peer_chain;        // DER, the peer's first
  int64_t created = 0;                  // Unix time
  uint32_t lifetime = 0;                // seconds; 0 = no resumption
  Bytes ticket;                         // client side: the ticket to present
  uint32_t ticket_age_add = 0;          // TLS 1.3
  uint32_t max_early_data = 0;          // TLS 1.3
  std::string alpn;                     // TLS 1.3; empty: none negotiated
  SharedChain parsed_chain;             // empty after parse_state
  // SSL 2.0 sessions (version ssl2; never in a ticket): the kind and the
  // KEY-ARG-DATA a SESSION-ID-HIT reuses with the master key.
  std::optional<Ssl2CipherKind> ssl2_cipher_kind;
  Bytes ssl2_key_arg;

  // The peer chain as certificates: the parsed one if there is one, else
  // decoded from peer_chain (skipping any that fail to decode).
  std::vector<Certificate> peer_certificates() const;

  // The age as unsigned: exact once now >= created, where the signed
  // difference overflows for a creation time far in the past, which a
  // session read from outside (a ticket in fuzzer mode, a session file) may
  // claim.
  bool expired(int64_t now) const {
    return now < created ||
           static_cast<uint64_t>(now) - static_cast<uint64_t>(created) >= lifetime;
  }

  // The state a ticket carries (RFC 5077 §4): everything but id and ticket.
  Bytes serialize_state() const;
  static Result<Session> parse_state(ByteView state);

  bool operator==(const Session&) const = default;
};

}  // namespace gauntlet
