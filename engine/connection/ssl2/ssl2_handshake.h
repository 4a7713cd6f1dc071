// One SSL 2.0 handshake, driven by the rows of ssl2_order.h as the TLS
// handshakes are by theirs: a peer's message must be the next row and goes
// to that row's handler; then each row after it that we send is produced by
// its writer, up to the peer's turn. Ssl2ClientHandshake and
// Ssl2ServerHandshake hold each role's handlers and writers; this base holds
// what both share: the challenge, connection-id, cipher kind and master key,
// and the switch of both record directions to the session keys.
#pragma once

#include <vector>

#include "engine/base/error.h"
#include "engine/connection/handshake_link.h"
#include "engine/connection/ssl2/ssl2_order.h"
#include "engine/connection/ssl2/ssl2_records.h"
#include "engine/crypto/x509.h"
#include "engine/messages/ssl2/short_messages.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet {

// What an SSL 2.0 handshake reaches of its connection, for one call: the
// TLS Link (Config, options, what outlives the handshake, the output) and
// the SSL 2.0 records.
struct Ssl2Link {
  Link& link;
  Ssl2Records& records;
};

class Ssl2Handshake {
 public:
  virtual ~Ssl2Handshake() = default;
  Ssl2Handshake(const Ssl2Handshake&) = delete;
  Ssl2Handshake& operator=(const Ssl2Handshake&) = delete;

  // Our rows from where the script stands until the peer's turn.
  Status send_flight(Ssl2Link& l);
  // A handshake message from the peer (msg-type byte first).
  Status receive(Ssl2Link& l, ByteView message);
  // Whether the handshake goes on past the peer's ERROR (SSL 2.0 spec §2.7:
  // only NO-CERTIFICATE-ERROR is recoverable, and only for the server);
  // if so the script has moved past it and our next flight is due.
  virtual bool recovers_from(Ssl2Link&, Ssl2ErrorCode) { return false; }
  bool done() const { return order_.done(); }
  std::string progress() const { return order_.progress(); }
  // Once done: Negotiated and the session (cached by a server).
  void finish(Ssl2Link& l);

 protected:
  explicit Ssl2Handshake(Role role) : role_(role) {}

  virtual Status act(const Ssl2OrderRow& row, Ssl2Link& l, ByteView body) = 0;
  Status send_message(Ssl2Link& l, Result<Bytes> message);
  // Session keys from MASTER-KEY, CHALLENGE and CONNECTION-ID (SSL 2.0 spec
  // §2.5); every later record each way is protected with them.
  Status start_ciphers(Ssl2Link& l);
  Session session(const Link& l) const;
  // What CLIENT-CERTIFICATE's RESPONSE-DATA signs with MD5 and RSA (§2.5):
  // the key material, the certificate challenge, the server's certificate.
  Bytes certificate_response_input() const;

  Role role_;
  Ssl2Order order_;
  Ssl2Facts facts_;
  const Ssl2CipherKindInfo* kind_ = nullptr;
  Bytes challenge_;
  Bytes connection_id_;
  Bytes master_key_;
  Bytes key_arg_;
  Bytes key_material_;  // KEY-MATERIAL-0 || -1 ..., what CLIENT-CERTIFICATE signs first
  Bytes session_id_;    // SERVER-FINISHED's, or the one reused
  Bytes server_certificate_;  // DER
  Bytes certificate_challenge_;  // REQUEST-CERTIFICATE's
  std::vector<Certificate> peer_chain_;
};

}  // namespace gauntlet
