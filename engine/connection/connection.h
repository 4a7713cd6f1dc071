// A TLS connection, SSL 2.0 to TLS 1.3, client or server, without I/O
// (sans-IO): receive() takes bytes from the peer, take_output() gives the
// bytes to send. No sockets, threads or globals; randomness and time come
// from the Config. Every failure sends the fatal alert the RFCs name and
// closes the connection; error() then says why. The connection keeps the
// records, alerts and application data; each handshake is a
// ClientHandshake or ServerHandshake (client_handshake.h,
// server_handshake.h) that it feeds and drops when done. SSL 2.0, whose
// records and handshake share nothing with the others', goes whole to an
// Ssl2Channel (ssl2/ssl2_channel.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/config.h"
#include "engine/connection/handshake_link.h"
#include "engine/connection/message_order.h"
#include "engine/connection/post_handshake_13.h"
#include "engine/connection/record_layer.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/x509.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/record/protection.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet {

enum class ConnectionState {
  handshaking,  // the first handshake is under way
  established,  // application data flows (a renegotiation may be under way)
  closed,       // close_notify or a fatal alert, either way
};

class Handshake;        // handshake.h
class ServerHandshake;  // server_handshake.h
class Ssl2Channel;      // ssl2/ssl2_channel.h

class Connection {
 public:
  static Connection client(std::shared_ptr<const Config> config, ClientOptions options = {});
  static Connection server(std::shared_ptr<const Config> config);

  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  ~Connection();

  Role role() const { return role_; }

  // Bytes from the peer. An error here has already queued the fatal alert.
  // With Config::max_buffered bytes of unread application data, records
  // wait unopened; receive({}) after read() goes on with them, and input
  // beyond the limit fails the connection.
  Status receive(ByteView bytes);
  // Bytes for the peer, the alert of a failure included.
  Bytes take_output() { return records_.take_output(); }
  bool has_output() const { return records_.has_output(); }

  ConnectionState state() const { return state_; }
  bool handshake_done() const { return kept_.handshakes > 0; }
  bool handshaking() const;
  // The last handshake step seen or sent, "ServerHelloDone from server".
  std::string progress() const;
  const std::optional<Error>& error() const { return error_; }
  // The fatal alert the peer sent, if that is how the connection ended.
  std::optional<AlertDescription> peer_alert() const { return peer_alert_; }
  // Every warning alert the peer sent, in order (close_notify aside): a
  // report names them rather than calling the peer silent.
  const std::vector<AlertDescription>& peer_warnings() const { return peer_warnings_; }
  bool peer_closed() const { return peer_closed_; }

  const Negotiated& negotiated() const { return kept_.negotiated; }
  // The session to offer next time (client) or just cached (server). In
  // TLS 1.3 a client's is the last ticket the server sent.
  const std::optional<Session>& session() const { return kept_.session; }
  // A TLS 1.3 client: every ticket the server sent, oldest first.
  std::vector<Session> tickets() const {
    return post13_ ? post13_->tickets() : std::vector<Session>{};
  }

  // Application data: write after the handshake; read what has arrived.
  Status write(ByteView data);
  Bytes read() { return std::exchange(app_in_, {}); }

  // close_notify (RFC 5246 §7.2.1).
  void close();
  // The conformance runner's record tamper hook: changes one outgoing record
  // after it is sealed (engine/connection/bugs.h).
  void tamper_next(RecordTamper t) { records_.arm_tamper(t); }
  // Armed, its record not written yet: the tamper has not reached the wire.
  bool tamper_pending() const { return records_.tamper_armed(); }
  // The runner's records of its own choosing: `body` as records of `type`
  // under the current write keys, whatever the state allows.
  Status send_record(ContentType type, ByteView body) { return records_.write(type, body); }
  // A TLS 1.3 client between its ClientHello and EndOfEarlyData (or the
  // server's refusal): what it writes goes under the 0-RTT keys (RFC 8446
  // §4.2.10).
  bool sending_early_data() const;
  // One such record built to order: a flipped MAC, padding of our choosing,
  // another header version.
  Status send_shaped_record(ContentType type, ByteView body, const SealShape& shape,
                            std::optional<ProtocolVersion> version = {}) {
    return records_.write_shaped(type, body, shape, version);
  }
  // TLS 1.3 KeyUpdate (RFC 8446 §4.6.3): our write key changes, and
  // update_requested asks the peer to change its own.
  Status update_keys(KeyUpdateRequest request = KeyUpdateRequest::update_not_requested);
  // How many KeyUpdates the peer has sent since the handshake.
  uint64_t peer_key_updates() const { return post13_ ? post13_->peer_key_updates() : 0; }
  // A TLS 1.3 server: post-handshake client authentication (RFC 8446
  // §4.6.2), for a client that offered post_handshake_auth; one at a time.
  // Required: an empty Certificate is certificate_required. Once the
  // client's Finished checks out, negotiated().peer_chain is its chain.
  Status request_client_certificate(ClientAuth policy = ClientAuth::required);
  // A new handshake on this connection (RFC 5746): a client sends
  // ClientHello, a server HelloRequest. Refused by policy or state.
  Status renegotiate();

 private:
  Connection(Role role, std::shared_ptr<const Config> config, ClientOptions options);

  // What the handshake reaches of this connection, for one call.
  Link link() { return Link{*config_, options_, records_, kept_, fuzzer_mode_}; }

  Status process_records();
  // A server whose range includes SSL 2.0 answers a native CLIENT-HELLO in
  // SSL 2.0 (engine/connection/ssl2/): true once that is decided.
  bool start_ssl2_server();
  Status receive_ssl2(ByteView bytes);
  Status on_record(OpenedRecord record);
  Status on_alert(ByteView body);
  Status on_change_cipher_spec(ByteView body);
  Status on_handshake_record(ByteView body);
  // Whether a message of this type may come from the peer now (its order).
  Status may_arrive(HandshakeType type) const;
  Status on_handshake_message(HandshakeMessage msg);
  // Client: a HelloRequest (RFC 5246 §7.4.1.1) outside any handshake.
  Status on_hello_request();
  // Client: a fresh handshake, its ClientHello sent.
  Status start_client_handshake();
  // Once the handshake's last row has passed, its outcome is the
  // connection's and the handshake goes; a TLS 1.3 one leaves what comes
  // after it (post_handshake_13.h), whose server sends its tickets.
  Status complete_if_done();
  // The server's handshake, for what only a server receives; null on a
  // client or between handshakes.
  ServerHandshake* server_handshake();
  void fail(Error e);
  bool tls13_established() const {
    return handshake_done() && kept_.negotiated.version >= ProtocolVersion::tls13;
  }
  // Whether the policy and the limit let a renegotiation start now; the
  // error carries no_renegotiation.
  Status may_renegotiate() const;
  Status send_alert(AlertLevel level, AlertDescription d);

  Role role_;
  std::shared_ptr<const Config> config_;
  bool fuzzer_mode_ = false;
  ClientOptions options_;
  RecordLayer records_;
  HandshakeReassembler reassembler_;
  std::unique_ptr<Handshake> hs_;
  std::unique_ptr<Ssl2Channel> ssl2_;  // set when the connection speaks SSL 2.0
  std::unique_ptr<PostHandshake13> post13_;  // set after a TLS 1.3 handshake
  ConnectionState state_ = ConnectionState::handshaking;
  AcrossHandshakes kept_;
  std::optional<Error> error_;
  std::optional<AlertDescription> peer_alert_;
  std::vector<AlertDescription> peer_warnings_;
  bool peer_closed_ = false;
  bool sent_close_ = false;
  bool started_ = false;  // a server has seen its first byte
  Bytes alert_buffer_;    // an alert split across records
  Bytes app_in_;
};

}  // namespace gauntlet
