// What a TLS 1.3 connection does after its handshake (RFC 8446 §4.6): the
// server's NewSessionTickets and the client's store of them, KeyUpdate
// both ways (§4.6.3), ours before the AEAD's record limit (§5.5), and
// post-handshake client authentication (§4.6.2, post_handshake_auth_13.cc).
// The messages either side may send now are rows of one table
// (post_handshake_13.cc), each of which may repeat while its row allows it;
// anything else is unexpected_message.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/handshake_link.h"
#include "engine/connection/message_order.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/x509.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/tls13/key_update.h"
#include "engine/registry/cipher_suite.h"
#include "engine/session/session.h"

namespace gauntlet {

struct NewSessionTicket13;  // engine/messages/tls13/new_session_ticket_13.h

// What a TLS 1.3 handshake leaves its connection: the suite, the
// resumption master secret tickets derive from (§7.1), each side's
// application traffic secret, which KeyUpdate replaces (§7.2), and what a
// ticket's session records of the handshake.
struct Tls13Established {
  std::reference_wrapper<const CipherSuiteInfo> suite;
  Bytes resumption_master_secret;
  Bytes client_traffic_secret, server_traffic_secret;
  std::string server_name;
  std::string alpn;  // §4.2.10: a ticket's 0-RTT data keeps it
  std::vector<Bytes> peer_chain;  // DER, the peer's leaf first
  SharedChain parsed_chain;       // the same, decoded once for every ticket
  // §4.6.2: the client offered post_handshake_auth; each authentication
  // hashes on from the transcript through the client's Finished (§4.4.1).
  bool post_handshake_auth = false;
  Transcript transcript;
};

class PostHandshake13 {
 public:
  PostHandshake13(Role role, Tls13Established established)
      : role_(role), established_(std::move(established)) {}

  // Server: Config::tls13_tickets NewSessionTickets, when it has ticket keys.
  Status start(Link& link);
  // Whether the peer may send this message now, and its handler.
  Status may_arrive(HandshakeType type) const;
  Status receive(Link& link, const HandshakeMessage& msg);
  // Our KeyUpdate: sent under our current key, which it then replaces;
  // update_requested asks the peer to replace its own.
  Status send_key_update(Link& link, KeyUpdateRequest request);
  // Before our application data: a KeyUpdate once our key has sealed
  // Config::key_update_after records, or nears its AEAD's limit (§5.5).
  Status before_write(Link& link);

  // Server: a CertificateRequest with a fresh context (§4.6.2), to a
  // client that offered post_handshake_auth, one at a time. `policy`
  // required: an empty Certificate is certificate_required (§4.4.2.4).
  Status request_client_certificate(Link& link, ClientAuth policy);
  bool client_auth_pending() const { return auth_.has_value(); }

  // Client: every ticket received, oldest first (§4.6.1: each may be used).
  const std::vector<Session>& tickets() const { return tickets_; }
  // How many KeyUpdates the peer has sent (§4.6.3).
  uint64_t peer_key_updates() const { return peer_key_updates_; }

 private:
  struct Row;
  static std::span<const Row> rows();
  const Row* row_for(Role sender, HandshakeType type) const;

  // Our message; its bytes, as the transcript of an authentication hashes them.
  Result<Bytes> send(Link& link, HandshakeType type, Result<Bytes> body);
  Session ticket_session(const Config& c, const NewSessionTicket13& nst) const;
  Status send_new_session_ticket(Link& link);
  Status on_new_session_ticket(Link& link, ByteView body);
  Status on_key_update(Link& link, ByteView body);
  // Post-handshake authentication (§4.6.2), post_handshake_auth_13.cc.
  // Whether the row of this message may arrive now.
  bool auth_allows(HandshakeType type) const;
  Status on_certificate_request(Link& link, ByteView body);
  Status on_client_certificate(Link& link, ByteView body);
  Status on_client_certificate_verify(Link& link, ByteView body);
  Status on_client_finished(Link& link, ByteView body);
  Bytes& traffic_secret(Role side) {
    return side == Role::client ? established_.client_traffic_secret
                                : established_.server_traffic_secret;
  }

  Role role_;
  Tls13Established established_;
  uint64_t tickets_sent_ = 0;  // the next ticket_nonce
  uint64_t peer_key_updates_ = 0;
  std::vector<Session> tickets_;

  // Server: the authentication under way, and the client message it awaits.
  struct Authenticating {
    Bytes context;
    ClientAuth policy;
    Transcript transcript;  // through the last message of the exchange
    HandshakeType next;
    std::vector<Certificate> chain;
    std::optional<PublicKey> client_key;
  };
  std::optional<Authenticating> auth_;
};

}  // namespace gauntlet
