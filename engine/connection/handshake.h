// One handshake, from ClientHello to the second Finished, driven by the rows
// of its shape (message_order.h): a message from the peer must be the next
// row and goes to that row's handler; then every row after it that we send
// is produced by its writer, until the peer's turn. ClientHandshake and
// ServerHandshake hold each role's handlers, writers and phases; this base
// holds what both share (the transcript, keys, ChangeCipherSpec, Finished).
// A renegotiation starts a fresh one; the connection keeps only what
// AcrossHandshakes records.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/handshake_link.h"
#include "engine/connection/handshake_state.h"
#include "engine/connection/message_order.h"
#include "engine/connection/post_handshake_13.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/x509.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/record/protection.h"

namespace gauntlet {

// TLS 1.3 ChangeCipherSpecs dropped during a handshake (RFC 8446 §5).
constexpr int kMaxDroppedChangeCipherSpecs = 32;

struct HelloScope;  // engine/connection/extensions/extension.h
struct Certificate13;  // engine/messages/tls13/certificate_13.h

// TLS 1.3's secrets (RFC 8446 §7.1) from ServerHello on; the application
// ones once the server's Finished is in the transcript.
struct Tls13Secrets {
  Tls13HandshakeSecret handshake;
  Bytes client_handshake_traffic, server_handshake_traffic;
  Bytes client_application_traffic, server_application_traffic, exporter_master;
};

class Handshake {
 public:
  virtual ~Handshake();
  Handshake(const Handshake&) = delete;
  Handshake& operator=(const Handshake&) = delete;

  // Our rows from where the script stands until the peer's turn.
  Status send_flight(Link& link);
  // A message from the peer: its row, its handler, then our next flight.
  Status receive(Link& link, const HandshakeMessage& msg);
  Status receive_change_cipher_spec(Link& link, ByteView body);
  // Whether a message of this type may come from the peer now (its order).
  Status may_arrive(HandshakeType type) const;
  // True once the last row has passed; then finish() records the outcome
  // (Negotiated, the session, the server's cache).
  bool done() const { return order_.done(); }
  // TLS 1.3 has been negotiated (its ServerHello sent or read).
  bool tls13() const { return tls13_.has_value(); }
  void finish(Link& link);
  // After a TLS 1.3 handshake, what its connection goes on with; nullopt
  // below TLS 1.3.
  std::optional<Tls13Established> tls13_established() const;
  // The row after which we are, for progress reports.
  std::optional<OrderRow> last() const { return order_.last(); }
  // The peer's ChangeCipherSpec came and its Finished not yet: application
  // data may not arrive in between.
  bool peer_ccs_seen() const { return peer_ccs_seen_; }

  // `hashed`: the body the transcript takes instead (a rewrite in flight).
  // Bugs that garble, skip or repeat a message apply here.
  Status send_message(Link& link, HandshakeType type, Result<Bytes> body,
                      const std::optional<Bytes>& hashed = std::nullopt);

  // The rows' actions both roles share (message_order.cc names them); in
  // TLS 1.3 Finished also switches to the application keys (handshake_13.cc).
  Status send_change_cipher_spec(Link& link);
  Status on_change_cipher_spec(Link& link, ByteView body);
  Status send_finished(Link& link);
  Status on_finished(Link& link, ByteView body);
  // TLS 1.3 0-RTT (RFC 8446 §4.5): the client's EndOfEarlyData, after which
  // it writes, and the server reads, under the handshake key.
  Status send_end_of_early_data(Link& link);
  Status on_end_of_early_data(Link& link, ByteView body);
  // Client: our records are sealed under client_early_traffic_secret now.
  bool writing_early_data() const { return early_write_; }

  // Server: 0-RTT data is being accepted now; `n` more bytes of it came,
  // unexpected_message beyond max_early_data_size (§4.2.10).
  bool reading_early_data() const { return early_data_left_.has_value(); }
  Status count_early_data(size_t n);

 protected:
  explicit Handshake(Role role) : role_(role) {}

  // The row's action for this role: its writer, or its handler given `body`.
  virtual Status act(const OrderRow& row, Link& link, ByteView body) = 0;

  Role peer() const { return role_ == Role::client ? Role::server : Role::client; }
  Status derive_keys(Link& link);
  // After ServerHello (max_fragment_length) and at each ChangeCipherSpec.
  enum class Direction { send, receive };
  void apply_fragment_limits(Link& link, Direction d);
  // Finished and CertificateVerify, which receive() leaves out of the
  // transcript, go in once their handler has checked them.
  void hash_checked(HandshakeType type, ByteView body);
  // The session this handshake establishes, for the cache and tickets.
  Session handshake_session(const Link& link) const;
  // What the extension rows see of this handshake and its connection.
  HelloScope hello_scope(Link& link);
  // The master secret from the premaster (RFC 5246 §8.1, RFC 7627 §4), after
  // ClientKeyExchange is in the transcript; the premaster is wiped.
  void derive_master_secret(Bytes& premaster);

  // TLS 1.3 (handshake_13.cc). Once ServerHello is in the transcript: the
  // handshake secret from the (EC)DHE secret, which is wiped, and its
  // traffic keys both ways, each logged.
  Status start_tls13_keys(Link& link, Bytes& shared_secret);
  // Middlebox compatibility mode's ChangeCipherSpec (RFC 8446 D.4), sent
  // in the clear before our first encrypted record, or our second hello.
  // Only the first call sends.
  Status send_compat_change_cipher_spec(Link& link);
  // §4.4.1: after a HelloRetryRequest the transcript restarts from
  // message_hash(Hash(ClientHello1)), under the hash of its suite.
  void hash_first_client_hello(ByteView first_client_hello);
  // §4.4.2: a Certificate's entries as peer_chain_, each entry's extensions
  // checked against §4.2's table first.
  Status take_peer_chain_13(const Config& c, const Certificate13& message);
  // §4.4.3: the peer's CertificateVerify, signed by `key` with a scheme we
  // offered, over the transcript so far; then hashed. Its scheme.
  Result<SignatureScheme> check_certificate_verify_13(Link& link, ByteView body,
                                                      const PublicKey& key);

  Role role_;
  HelloState hello_;
  MessageOrder order_;
  Transcript transcript_;
  Bytes master_secret_;
  // The peer's certificates (leaf first), verified or from the session.
  std::vector<Certificate> peer_chain_;
  // What Negotiated reports of the key exchange.
  std::optional<NamedGroup> group_;
  // TLS 1.3 with a PSK (RFC 8446 §7.1): the early secret from it. A client
  // has one while it offers a ticket, a server once it has selected one.
  std::optional<Tls13EarlySecret> early_;
  // 0-RTT (§4.2.10): client_early_traffic_secret over the ClientHello, with
  // the client keeping its early write key until EndOfEarlyData or a
  // refusal, and a server accepting it counting what may still come.
  Status start_early_data(Link& link);
  Status use_handshake_write_key(Link& link);
  // Client, after a HelloRetryRequest: back to writing in the clear.
  Status drop_early_write_key(Link& link);
  Bytes client_early_traffic_, early_exporter_;
  bool early_write_ = false;
  std::optional<uint64_t> early_data_left_;
  std::optional<SignatureScheme> server_signature_scheme_;
  // Client: the ticket the server sent (RFC 5077 §3.3), for the session.
  Bytes new_ticket_;
  uint32_t ticket_lifetime_ = 0;

 private:
  Status send_finished_13(Link& link);
  Status on_finished_13(Link& link, ByteView body);
  Status on_change_cipher_spec_13(ByteView body);
  // After the server's Finished: application secrets and the exporter's.
  void derive_application_secrets(Link& link);
  Status use_traffic_secret(Link& link, Direction d, ByteView secret);

  std::optional<Tls13Secrets> tls13_;
  int compat_ccs_seen_ = 0;
  bool compat_ccs_sent_ = false;
  // Keys for after ChangeCipherSpec, each direction its own.
  std::unique_ptr<RecordProtection> pending_read_, pending_write_;
  bool peer_ccs_seen_ = false;
};

}  // namespace gauntlet
