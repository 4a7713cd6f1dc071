// session_ticket (RFC 5077 §3.2): the client offers a ticket (or asks for
// one with an empty body, as in a renegotiation, which resumes nothing but
// makes a session worth a ticket); a server with ticket keys answers that
// it will send NewSessionTicket. Whether the ticket resumes is the
// server's resumption code's choice (server_handshake.cc).
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.offer_tickets) return std::nullopt;
  // A TLS 1.3 ticket goes in pre_shared_key instead (RFC 8446 §4.2.11).
  const std::optional<Session>& offered = s.hs.offered;
  const bool below_tls13 = offered && offered->version < ProtocolVersion::tls13;
  return SessionTicketExtension{below_tls13 ? offered->ticket : Bytes{}};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const auto* ticket = body_as<SessionTicketExtension>(body);
  if (s.config.ticket_keys && ticket) s.hs.client_ticket = ticket->ticket;
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.hs.issue_ticket) return std::nullopt;
  return SessionTicketExtension{};
}

// Whether NewSessionTicket follows. A ServerHello without any extensions
// leaves it unknown, so the order table lets the server choose.
Status on_reply(HelloScope& s, const Reply& r) {
  if (r.block) s.hs.facts.new_session_ticket = body_as<SessionTicketExtension>(r.body) != nullptr;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kSessionTicketRow{
    .type = ExtensionType::session_ticket,
    .replies_in = in(ExtensionContext::server_hello),
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
