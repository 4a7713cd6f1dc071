#include "engine/messages/tls13/new_session_ticket_13.h"

#include "engine/messages/common/codec.h"
#include "engine/messages/tls13/encrypted_extensions.h"

namespace gauntlet {

Result<NewSessionTicket13> NewSessionTicket13::parse(ByteView body) {
  Reader r(body);
  NewSessionTicket13 m;
  if (!r.u32(m.ticket_lifetime) || !r.u32(m.ticket_age_add) || !r.vec8(m.ticket_nonce) ||
      !r.vec16(m.ticket)) {
    return truncated("NewSessionTicket");
  }
  if (m.ticket.empty()) return decode_error("NewSessionTicket: empty ticket");
  auto e = read_extensions(r, ExtensionContext::new_session_ticket, "NewSessionTicket");
  if (!e) return e.error();
  if (Status s = expect_end(r, "NewSessionTicket"); !s) return s.error();
  if (m.ticket_lifetime > kMaxTicketLifetime) {
    return illegal_parameter("NewSessionTicket: lifetime over seven days");
  }
  m.extensions = std::move(*e);
  return m;
}

Result<Bytes> NewSessionTicket13::serialize() const {
  Writer w;
  w.u32(ticket_lifetime);
  w.u32(ticket_age_add);
  w.vec8(ticket_nonce);
  w.vec16(ticket);
  extensions.serialize(w);
  return finish(w, "NewSessionTicket");
}

}  // namespace gauntlet
