#include "engine/connection/message_order.h"

namespace gauntlet {

namespace {

using C = Condition;
using H = HandshakeType;
constexpr Role kC = Role::client;
constexpr Role kS = Role::server;

// RFC 5246 Figure 1, with NewSessionTicket before the server's
// ChangeCipherSpec (RFC 5077 §3.1, Figure 2).
constexpr OrderRow kFull[] = {
    {kC, wire(H::client_hello), C::always},
    {kS, wire(H::server_hello), C::always},
    {kS, wire(H::certificate), C::always},
    {kS, wire(H::server_key_exchange), C::server_key_exchange},
    {kS, wire(H::certificate_request), C::certificate_request},
    {kS, wire(H::server_hello_done), C::always},
    {kC, wire(H::certificate), C::certificate_request},
    {kC, wire(H::client_key_exchange), C::always},
    {kC, wire(H::certificate_verify), C::client_certificate},
    {kC, kChangeCipherSpec, C::always},
    {kC, wire(H::finished), C::always},
    {kS, wire(H::new_session_ticket), C::new_session_ticket},
    {kS, kChangeCipherSpec, C::always},
    {kS, wire(H::finished), C::always},
};

// RFC 5246 Figure 2; RFC 5077 §3.1 Figure 3 for a renewed ticket.
constexpr OrderRow kAbbreviated[] = {
    {kC, wire(H::client_hello), C::always},
    {kS, wire(H::server_hello), C::always},
    {kS, wire(H::new_session_ticket), C::new_session_ticket},
    {kS, kChangeCipherSpec, C::always},
    {kS, wire(H::finished), C::always},
    {kC, kChangeCipherSpec, C::always},
    {kC, wire(H::finished), C::always},
};

}  // namespace

std::string wire_name(Wire w) {
  return w.message ? iana_name(*w.message) : "ChangeCipherSpec";
}

std::span<const OrderRow> handshake_rows(HandshakeShape shape) {
  if (shape == HandshakeShape::full) return kFull;
  return kAbbreviated;
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
  }
  return false;
}

Status MessageOrder::accept(Role sender, Wire w, const HandshakeFacts& facts) {
  const auto rows = handshake_rows(shape_);
  for (size_t i = next_; i < rows.size(); ++i) {
    const OrderRow& row = rows[i];
    const std::optional<bool> present = facts.holds(row.when);
    if (present == false) continue;
    if (row.sender == sender && row.wire == w) {
      next_ = i + 1;
      return ok_status();
    }
    // A row the peer may leave out: look further.
    if (!present.has_value()) continue;
    break;
  }
  return Error{AlertDescription::unexpected_message,
               "unexpected " + wire_name(w) + (sender == Role::client ? " from client" : " from server")};
}

bool MessageOrder::done() const { return next_ >= handshake_rows(shape_).size(); }

std::optional<OrderRow> MessageOrder::last() const {
  if (next_ == 0) return std::nullopt;
  return handshake_rows(shape_)[next_ - 1];
}

}  // namespace gauntlet
