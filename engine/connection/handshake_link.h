// What a handshake reaches of its connection. A Connection moves (it is
// returned by value), so a handshake keeps no pointer to it: each call gets
// a Link made for that call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/connection/config.h"
#include "engine/connection/record_layer.h"
#include "engine/crypto/x509.h"
#include "engine/messages/extensions/list_extensions.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"
#include "engine/session/session.h"

namespace gauntlet {

// What the last completed handshake negotiated.
struct Negotiated {
  ProtocolVersion version = ProtocolVersion::tls12;
  CipherSuite suite = CipherSuite::null_with_null_null;
  std::optional<NamedGroup> group;                   // DHE/ECDHE
  std::optional<SignatureScheme> signature_scheme;   // the server's
  bool resumed = false;
  std::optional<PskKeyExchangeMode> psk_mode;  // a TLS 1.3 resumption's (RFC 8446 §4.2.9)
  bool hello_retry = false;  // TLS 1.3: a HelloRetryRequest came first (RFC 8446 §4.1.4)
  bool early_data_offered = false;              // TLS 1.3 0-RTT (§4.2.10): in the ClientHello
  bool early_data_accepted = false;             // and taken
  bool extended_master_secret = false;
  bool encrypt_then_mac = false;
  bool secure_renegotiation = false;
  std::string alpn;
  std::string server_name;
  std::vector<Certificate> peer_chain;  // leaf first
  Bytes client_random, server_random, master_secret;  // master: below TLS 1.3
  Bytes exporter_master_secret;                        // TLS 1.3 (RFC 8446 §7.5)
  Bytes early_exporter_master_secret;  // TLS 1.3, when 0-RTT data was taken (§7.5)
  size_t max_send_fragment = 0;
  int handshakes = 0;  // 1 + renegotiations
  // SSL 2.0 (version ssl2, suite null): the kind and CONNECTION-ID.
  std::optional<Ssl2CipherKind> ssl2_cipher_kind;
  Bytes ssl2_connection_id;
};

// What a connection carries from one handshake to the next.
struct AcrossHandshakes {
  // RFC 5746 §3.1: whether the connection renegotiates securely, and the
  // last Finished of each side, for renegotiation_info.
  bool secure_renegotiation = false;
  Bytes client_verify_data, server_verify_data;
  Negotiated negotiated;
  std::optional<Session> session;  // to offer next time (client) or just cached (server)
  int handshakes = 0;              // completed so far
};

struct Link {
  const Config& config;
  const ClientOptions& options;  // client: the name and session it asks for
  RecordLayer& records;
  AcrossHandshakes& kept;
  bool fuzzer_mode = false;  // Config::fuzzer_mode in the fuzzing build

  bool renegotiating() const { return kept.handshakes > 0; }
  // A server issues and takes TLS 1.3 tickets when it can seal them or
  // keep them (RFC 8446 §4.6.1); fuzzer mode takes any, to reach PSK code.
  bool serves_tickets_13() const {
    return config.ticket_keys || config.ticket_store || fuzzer_mode;
  }
};

}  // namespace gauntlet
