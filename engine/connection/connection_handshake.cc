// Connection's side of the handshake: starting one (ours or, by
// renegotiation, a new one), handing each handshake message and
// ChangeCipherSpec to the handshake under way (client_handshake.h,
// server_handshake.h) or, after a TLS 1.3 handshake, to its post-handshake
// messages (post_handshake_13.h), and ending it.
#include "engine/connection/client_handshake.h"
#include "engine/connection/connection.h"
#include "engine/connection/policy.h"
#include "engine/connection/server_handshake.h"

namespace gauntlet {

Status Connection::may_renegotiate() const {
  if (!renegotiation_allowed(config_->renegotiation, kept_.secure_renegotiation)) {
    return Error{AlertDescription::no_renegotiation, "renegotiation refused by policy"};
  }
  if (config_->max_renegotiations && kept_.handshakes > 0 &&
      static_cast<uint32_t>(kept_.handshakes - 1) >= *config_->max_renegotiations) {
    return Error{AlertDescription::no_renegotiation, "renegotiation limit reached"};
  }
  return ok_status();
}

Status Connection::update_keys(KeyUpdateRequest request) {
  if (state_ != ConnectionState::established || sent_close_ || !post13_) {
    return internal_error("KeyUpdate needs an established TLS 1.3 connection");
  }
  Link l = link();
  Status st = post13_->send_key_update(l, request);
  if (!st) fail(st.error());
  return st;
}

Status Connection::request_client_certificate(ClientAuth policy) {
  if (state_ != ConnectionState::established || sent_close_ || !post13_ || hs_) {
    return internal_error("post-handshake authentication needs an established TLS 1.3 connection");
  }
  Link l = link();
  return post13_->request_client_certificate(l, policy);
}

Status Connection::renegotiate() {
  if (state_ != ConnectionState::established || hs_ || ssl2_) {
    return internal_error("renegotiation needs an established TLS connection without a handshake");
  }
  if (tls13_established()) return internal_error("TLS 1.3 has no renegotiation");
  if (auto st = may_renegotiate(); !st) return st;
  if (role_ == Role::client) {
    auto st = start_client_handshake();
    if (!st) fail(st.error());
    return st;
  }
  auto server = std::make_unique<ServerHandshake>();
  Link l = link();
  Status st = server->request_renegotiation(l);
  hs_ = std::move(server);
  return st;
}

Status Connection::start_client_handshake() {
  hs_ = std::make_unique<ClientHandshake>();
  Link l = link();
  return hs_->send_flight(l);
}

ServerHandshake* Connection::server_handshake() {
  if (role_ != Role::server) return nullptr;
  return static_cast<ServerHandshake*>(hs_.get());
}

Status Connection::complete_if_done() {
  if (!hs_ || !hs_->done()) return ok_status();
  Link l = link();
  hs_->finish(l);
  state_ = ConnectionState::established;
  std::optional<Tls13Established> established = hs_->tls13_established();
  hs_.reset();
  if (!established) return ok_status();
  post13_ = std::make_unique<PostHandshake13>(role_, std::move(*established));
  return post13_->start(l);
}

Status Connection::on_handshake_record(ByteView body) {
  if (auto st = reassembler_.add(body); !st) return st;
  while (state_ != ConnectionState::closed) {
    // A message the state does not allow is refused on its type byte, not
    // after waiting for (or measuring) a body whose length may be anything:
    // a Finished sent without ChangeCipherSpec arrives encrypted, its first
    // byte a random "type" (RFC 5246 §7.4.9).
    if (const auto type = reassembler_.pending_type()) {
      if (auto st = may_arrive(static_cast<HandshakeType>(*type)); !st) return st;
    }
    auto msg = reassembler_.next();
    if (!msg) return msg.error();
    if (!msg->has_value()) break;
    const uint64_t keys = records_.read_keys();
    if (auto st = on_handshake_message(std::move(**msg)); !st) return st;
    // RFC 8446 §5.1: "messages immediately preceding a key change [must]
    // align with a record boundary".
    if (records_.read_keys() != keys && !reassembler_.at_boundary()) {
      return Error{AlertDescription::unexpected_message,
                   "handshake bytes after a key change in the same record"};
    }
  }
  return ok_status();
}

Status Connection::may_arrive(HandshakeType type) const {
  // RFC 8446 §4: TLS 1.3 has no HelloRequest and no renegotiation, in its
  // handshake or after it.
  if (hs_ && hs_->tls13() && type == HandshakeType::hello_request) {
    return Error{AlertDescription::unexpected_message, "HelloRequest in a TLS 1.3 handshake"};
  }
  if (tls13_established() &&
      (type == HandshakeType::hello_request || type == HandshakeType::client_hello)) {
    return Error{AlertDescription::unexpected_message,
                 iana_name(type) + " after a TLS 1.3 handshake"};
  }
  if (type == HandshakeType::hello_request) {
    // Only a server sends HelloRequest (RFC 5246 §7.4.1.1); to a client
    // on_handshake_message decides.
    if (role_ != Role::client) {
      return Error{AlertDescription::unexpected_message, "HelloRequest from a client"};
    }
    return ok_status();
  }
  if (!hs_) {
    if (post13_) return post13_->may_arrive(type);
    if (role_ == Role::server && type == HandshakeType::client_hello) return ok_status();
    return Error{AlertDescription::unexpected_message, iana_name(type) + " after the handshake"};
  }
  return hs_->may_arrive(type);
}

Status Connection::on_handshake_message(HandshakeMessage msg) {
  if (config_->on_message) config_->on_message(msg.type);
  // HelloRequest stands outside the handshake it asks for and outside its
  // transcript (RFC 5246 §7.4.1.1); may_arrive has refused it to a server.
  if (msg.type == HandshakeType::hello_request) {
    if (!msg.body.empty()) return decode_error("HelloRequest: body must be empty");
    return on_hello_request();
  }
  if (!hs_ && post13_) {
    Link l = link();
    if (auto st = post13_->receive(l, msg); !st) return st;
    // §5.1: a key change falls on a record boundary.
    if (msg.type == HandshakeType::key_update && !reassembler_.at_boundary()) {
      return Error{AlertDescription::unexpected_message, "KeyUpdate not at the end of its record"};
    }
    return ok_status();
  }
  if (!hs_) {
    if (role_ == Role::server && msg.type == HandshakeType::client_hello) {
      // Refused with the warning, never silence: the client then knows to
      // carry on under the current keys (RFC 5746 §4.4, RFC 5246 §7.2.2).
      if (!may_renegotiate()) {
        return send_alert(AlertLevel::warning, AlertDescription::no_renegotiation);
      }
      hs_ = std::make_unique<ServerHandshake>();
    } else {
      return Error{AlertDescription::unexpected_message,
                   iana_name(msg.type) + " after the handshake"};
    }
  }
  Link l = link();
  if (auto st = hs_->receive(l, msg); !st) return st;
  return complete_if_done();
}

Status Connection::on_hello_request() {
  // Ignored during a handshake (RFC 5246 §7.4.1.1).
  if (hs_ || state_ != ConnectionState::established) return ok_status();
  // RFC 5246 §7.4.1.1: a client that will not renegotiate says so with
  // the no_renegotiation warning.
  if (!may_renegotiate()) {
    return send_alert(AlertLevel::warning, AlertDescription::no_renegotiation);
  }
  return start_client_handshake();
}

Status Connection::on_change_cipher_spec(ByteView body) {
  if (!hs_) {
    return Error{AlertDescription::unexpected_message, "ChangeCipherSpec after the handshake"};
  }
  Link l = link();
  if (auto st = hs_->receive_change_cipher_spec(l, body); !st) return st;
  return complete_if_done();
}

}  // namespace gauntlet
