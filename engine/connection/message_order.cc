#include "engine/connection/message_order.h"

#include "engine/connection/client_handshake.h"
#include "engine/connection/server_handshake.h"

namespace gauntlet {

namespace {

using C = Condition;
using H = HandshakeType;
using CH = ClientHandshake;
using SH = ServerHandshake;
constexpr Role kC = Role::client;
constexpr Role kS = Role::server;

using ClientWriter = Status (CH::*)(Link&);
using ClientHandler = Status (CH::*)(Link&, ByteView);
using ServerWriter = Status (SH::*)(Link&);
using ServerHandler = Status (SH::*)(Link&, ByteView);

constexpr OrderRow by_client(Wire w, Condition when, ClientWriter write, ServerHandler handle) {
  return {kC, w, when, {.write = write}, {.handle = handle}};
}
constexpr OrderRow by_server(Wire w, Condition when, ServerWriter write, ClientHandler handle) {
  return {kS, w, when, {.handle = handle}, {.write = write}};
}

// Both roles' ChangeCipherSpec and Finished (handshake.h).
const OrderRow client_change_cipher_spec =
    by_client(kChangeCipherSpec, C::always, &Handshake::send_change_cipher_spec,
              &Handshake::on_change_cipher_spec);
const OrderRow client_finished = by_client(wire(H::finished), C::always,
                                               &Handshake::send_finished, &Handshake::on_finished);
const OrderRow server_change_cipher_spec =
    by_server(kChangeCipherSpec, C::always, &Handshake::send_change_cipher_spec,
              &Handshake::on_change_cipher_spec);
const OrderRow server_finished = by_server(wire(H::finished), C::always,
                                               &Handshake::send_finished, &Handshake::on_finished);
const OrderRow client_hello =
    by_client(wire(H::client_hello), C::always, &CH::send_client_hello, &SH::on_client_hello);
const OrderRow server_hello =
    by_server(wire(H::server_hello), C::always, &SH::send_server_hello, &CH::on_server_hello);
const OrderRow new_session_ticket =
    by_server(wire(H::new_session_ticket), C::new_session_ticket, &SH::send_new_session_ticket,
              &CH::on_new_session_ticket);

// RFC 5246 Figure 1, with NewSessionTicket before the server's
// ChangeCipherSpec (RFC 5077 §3.1, Figure 2).
const OrderRow kFull[] = {
    client_hello,
    server_hello,
    by_server(wire(H::certificate), C::always, &SH::send_certificate, &CH::on_certificate),
    by_server(wire(H::server_key_exchange), C::server_key_exchange,
              &SH::send_server_key_exchange, &CH::on_server_key_exchange),
    by_server(wire(H::certificate_request), C::certificate_request,
              &SH::send_certificate_request, &CH::on_certificate_request),
    by_server(wire(H::server_hello_done), C::always, &SH::send_server_hello_done,
              &CH::on_server_hello_done),
    by_client(wire(H::certificate), C::certificate_request, &CH::send_certificate,
              &SH::on_certificate),
    by_client(wire(H::client_key_exchange), C::always, &CH::send_client_key_exchange,
              &SH::on_client_key_exchange),
    by_client(wire(H::certificate_verify), C::client_certificate, &CH::send_certificate_verify,
              &SH::on_certificate_verify),
    client_change_cipher_spec,
    client_finished,
    new_session_ticket,
    server_change_cipher_spec,
    server_finished,
};

// RFC 5246 Figure 2; RFC 5077 §3.1 Figure 3 for a renewed ticket.
const OrderRow kAbbreviated[] = {
    client_hello,
    server_hello,
    new_session_ticket,
    server_change_cipher_spec,
    server_finished,
    client_change_cipher_spec,
    client_finished,
};

// RFC 8446 §2, Figure 1. The key changes are the actions of ServerHello
// (handshake keys) and of each Finished (application keys); a dummy
// ChangeCipherSpec (§D.4) is no row: the handshake drops it in its window.
const OrderRow encrypted_extensions =
    by_server(wire(H::encrypted_extensions), C::always, &SH::send_encrypted_extensions,
              &CH::on_encrypted_extensions);
// §2.2, Figure 3: a resumption's PSK authenticates the server, so no
// Certificate or CertificateVerify.
const OrderRow server_certificate_13 = by_server(wire(H::certificate), C::server_certificate,
                                                 &SH::send_certificate_13, &CH::on_certificate_13);
const OrderRow server_certificate_verify_13 =
    by_server(wire(H::certificate_verify), C::server_certificate,
              &SH::send_certificate_verify_13, &CH::on_certificate_verify_13);
// §4.3.2, §4.4.2: the server's request and the client's answer; an empty
// Certificate has no CertificateVerify.
const OrderRow certificate_request_13 =
    by_server(wire(H::certificate_request), C::certificate_request,
              &SH::send_certificate_request_13, &CH::on_certificate_request_13);
const OrderRow client_certificate_13 =
    by_client(wire(H::certificate), C::certificate_request, &CH::send_certificate_13,
              &SH::on_certificate_13);
const OrderRow client_certificate_verify_13 =
    by_client(wire(H::certificate_verify), C::client_certificate,
              &CH::send_certificate_verify_13, &SH::on_certificate_verify_13);

// §2.3, Figure 4: a client whose 0-RTT data the server took ends it with
// EndOfEarlyData, under the early key, after the server's Finished.
const OrderRow end_of_early_data =
    by_client(wire(H::end_of_early_data), C::early_data, &Handshake::send_end_of_early_data,
              &Handshake::on_end_of_early_data);

const OrderRow kTls13Full[] = {
    client_hello,
    server_hello,
    encrypted_extensions,
    certificate_request_13,
    server_certificate_13,
    server_certificate_verify_13,
    server_finished,
    end_of_early_data,
    client_certificate_13,
    client_certificate_verify_13,
    client_finished,
};

// RFC 8446 §2.1, Figure 2: the handlers of ClientHello and ServerHello turn
// to this shape where they meet a HelloRetryRequest, which shares
// ServerHello's type (§4.1.3); from the second ClientHello on it is
// Figure 1. A second HelloRetryRequest is the second ServerHello row's to
// refuse (§4.1.4: unexpected_message).
const OrderRow kTls13Retry[] = {
    client_hello,
    by_server(wire(H::server_hello), C::always, &SH::send_hello_retry_request,
              &CH::on_server_hello),
    by_client(wire(H::client_hello), C::always, &CH::send_second_client_hello,
              &SH::on_second_client_hello),
    by_server(wire(H::server_hello), C::always, &SH::send_server_hello,
              &CH::on_server_hello_after_retry),
    encrypted_extensions,
    certificate_request_13,
    server_certificate_13,
    server_certificate_verify_13,
    server_finished,
    client_certificate_13,
    client_certificate_verify_13,
    client_finished,
};

}  // namespace

std::string wire_name(Wire w) {
  return w.message ? iana_name(*w.message) : "ChangeCipherSpec";
}

std::span<const OrderRow> handshake_rows(HandshakeShape shape) {
  switch (shape) {
    case HandshakeShape::full:
      return kFull;
    case HandshakeShape::abbreviated:
      return kAbbreviated;
    case HandshakeShape::tls13_full:
      return kTls13Full;
    case HandshakeShape::tls13_retry:
      return kTls13Retry;
  }
  return kFull;
}

std::optional<bool> HandshakeFacts::holds(Condition c) const {
  switch (c) {
    case C::always:
      return true;
    case C::server_key_exchange:
      return server_key_exchange;
    case C::certificate_request:
      return certificate_request;
    case C::client_certificate:
      // Not asked for a certificate, the client sends no CertificateVerify.
      if (certificate_request == false) return false;
      return client_certificate;
    case C::new_session_ticket:
      return new_session_ticket;
    case C::server_certificate:
      return server_certificate;
    case C::early_data:
      return early_data;
  }
  return false;
}

Result<const OrderRow*> MessageOrder::step(Role sender, Wire w, const HandshakeFacts& facts) {
  const auto rows = handshake_rows(shape_);
  const auto i = find_step(rows, next_, sender, [&](const OrderRow& r) { return r.wire == w; }, facts);
  if (!i) {
    return Error{AlertDescription::unexpected_message,
                 "unexpected " + wire_name(w) + (sender == Role::client ? " from client" : " from server")};
  }
  next_ = *i + 1;
  return &rows[*i];
}

Status MessageOrder::accept(Role sender, Wire w, const HandshakeFacts& facts) {
  auto row = step(sender, w, facts);
  if (!row) return row.error();
  return ok_status();
}

const OrderRow* MessageOrder::next_from(Role us, const HandshakeFacts& facts) {
  const auto rows = handshake_rows(shape_);
  const auto i = find_next_from(rows, next_, us, facts);
  if (!i) return nullptr;
  next_ = *i + 1;
  return &rows[*i];
}

bool MessageOrder::done() const { return next_ >= handshake_rows(shape_).size(); }

std::optional<OrderRow> MessageOrder::last() const {
  if (next_ == 0) return std::nullopt;
  return handshake_rows(shape_)[next_ - 1];
}

}  // namespace gauntlet
