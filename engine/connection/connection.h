// A TLS connection, SSL 3.0 to TLS 1.2, client or server, without I/O
// (sans-IO): receive() takes bytes from the peer, take_output() gives the
// bytes to send. No sockets, threads or globals; randomness and time come
// from the Config. Every failure sends the fatal alert the RFCs name and
// closes the connection; error() then says why.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/config.h"
#include "engine/connection/ephemeral_key.h"
#include "engine/connection/message_order.h"
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

// What the last completed handshake negotiated.
struct Negotiated {
  ProtocolVersion version = ProtocolVersion::tls12;
  CipherSuite suite = CipherSuite::null_with_null_null;
  std::optional<NamedGroup> group;                   // DHE/ECDHE
  std::optional<SignatureScheme> signature_scheme;   // the server's, TLS 1.2
  bool resumed = false;
  bool extended_master_secret = false;
  bool encrypt_then_mac = false;
  bool secure_renegotiation = false;
  std::string alpn;
  std::string server_name;
  std::vector<Certificate> peer_chain;  // leaf first
  Bytes client_random, server_random, master_secret;
  size_t max_send_fragment = 0;
  int handshakes = 0;  // 1 + renegotiations
};

struct HelloScope;  // engine/connection/extensions/extension.h

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
  bool handshake_done() const { return handshakes_ > 0; }
  bool handshaking() const { return hs_ != nullptr; }
  // The last handshake step seen or sent, "ServerHelloDone from server".
  std::string progress() const;
  const std::optional<Error>& error() const { return error_; }
  // The fatal alert the peer sent, if that is how the connection ended.
  std::optional<AlertDescription> peer_alert() const { return peer_alert_; }
  // Every warning alert the peer sent, in order (close_notify aside): a
  // report names them rather than calling the peer silent.
  const std::vector<AlertDescription>& peer_warnings() const { return peer_warnings_; }
  bool peer_closed() const { return peer_closed_; }

  const Negotiated& negotiated() const { return negotiated_; }
  // The session to offer next time (client) or just cached (server).
  const std::optional<Session>& session() const { return session_; }

  // Application data: write after the handshake; read what has arrived.
  Status write(ByteView data);
  Bytes read() { return std::exchange(app_in_, {}); }

  // close_notify (RFC 5246 §7.2.1).
  void close();
  // The conformance runner's record tamper hook: changes one outgoing record
  // after it is sealed (engine/connection/bugs.h).
  void tamper_next(RecordTamper t) { records_.arm_tamper(t); }
  // The runner's records of its own choosing: `body` as records of `type`
  // under the current write keys, whatever the state allows.
  Status send_record(ContentType type, ByteView body) { return records_.write(type, body); }
  // A new handshake on this connection (RFC 5746): a client sends
  // ClientHello, a server HelloRequest. Refused by policy or state.
  Status renegotiate();

 // One handshake's state, in handshake_state.h.
  struct Handshake;

 private:
  Connection(Role role, std::shared_ptr<const Config> config, ClientOptions options);

  // connection.cc: records, alerts, application data.
  Status process_records();
  Status on_record(OpenedRecord record);
  Status on_alert(ByteView body);
  Status on_change_cipher_spec(ByteView body);
  Status on_handshake_record(ByteView body);
  void fail(Error e);
  // Whether the policy and the limit let a renegotiation start now; the
  // error carries no_renegotiation.
  Status may_renegotiate() const;
  Status send_alert(AlertLevel level, AlertDescription d);

  // handshake_common.cc: what both sides do.
  // `hashed`: the body the transcript takes instead (a rewrite in flight).
  Status send_message(HandshakeType type, Result<Bytes> body,
                      const std::optional<Bytes>& hashed = std::nullopt);
  Status accept(Role sender, Wire w);
  // Whether a message of this type may come from the peer now (its order).
  Status may_arrive(HandshakeType type) const;
  Status on_handshake_message(HandshakeMessage msg);
  Status derive_keys();
  Status send_change_cipher_spec();
  Status send_finished();
  Status check_finished(const HandshakeMessage& msg);
  void finish_handshake();
  // The session this handshake establishes, for the cache and tickets.
  Session handshake_session() const;
  // After ServerHello (max_fragment_length) and at each ChangeCipherSpec.
  enum class Direction { send, receive };
  void apply_fragment_limits(Direction d);
  Role peer() const { return role_ == Role::client ? Role::server : Role::client; }
  // What the extension rows see of this connection and its handshake.
  HelloScope hello_scope();

  // client_handshake.cc
  Status client_send_hello();
  Status client_send_ssl2_hello();
  Status client_on_message(const HandshakeMessage& msg);
  Status client_on_server_hello(const HandshakeMessage& msg);
  Status client_on_certificate(const HandshakeMessage& msg);
  Status client_on_server_key_exchange(const HandshakeMessage& msg);
  Status client_on_certificate_request(const HandshakeMessage& msg);
  Status client_on_server_hello_done();
  Status client_send_key_exchange();
  Status client_on_new_session_ticket(const HandshakeMessage& msg);
  Status client_on_hello_request();

  // server_handshake.cc
  Status server_on_message(const HandshakeMessage& msg);
  Status server_on_ssl2_hello(ByteView body);
  Status server_on_client_hello(const ClientHello& hello);
  Status server_full_handshake(const ClientHello& hello);
  Status server_resume(const ClientHello& hello, Session session);
  Status server_send_hello(Bytes session_id);
  Status server_send_key_exchange();
  Status server_on_certificate(const HandshakeMessage& msg);
  Status server_on_client_key_exchange(const HandshakeMessage& msg);
  Status server_on_certificate_verify(const HandshakeMessage& msg);
  Status server_send_ticket();
  Status server_on_no_certificate_alert();
  Status server_without_client_certificate();
  Status server_finish_flight();

  Role role_;
  std::shared_ptr<const Config> config_;
  bool fuzzer_mode_ = false;
  ClientOptions options_;
  RecordLayer records_;
  HandshakeReassembler reassembler_;
  std::unique_ptr<Handshake> hs_;
  ConnectionState state_ = ConnectionState::handshaking;
  int handshakes_ = 0;
  Negotiated negotiated_;
  std::optional<Session> session_;
  std::optional<Error> error_;
  std::optional<AlertDescription> peer_alert_;
  std::vector<AlertDescription> peer_warnings_;
  bool peer_closed_ = false;
  bool sent_close_ = false;
  bool started_ = false;  // a server has seen its first byte
  Bytes alert_buffer_;    // an alert split across records
  Bytes app_in_;
  // RFC 5746 §3.1: the last Finished of each side, for renegotiation_info.
  bool secure_renegotiation_ = false;
  Bytes client_verify_data_, server_verify_data_;
};

}  // namespace gauntlet
