#include "engine/messages/handshake/new_session_ticket.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<NewSessionTicket> NewSessionTicket::parse(ByteView body) {
  Reader r(body);
  NewSessionTicket m;
  if (!r.u32(m.ticket_lifetime_hint) || !r.vec16(m.ticket)) return truncated("NewSessionTicket");
  if (Status s = expect_end(r, "NewSessionTicket"); !s) return s.error();
  return m;
}

Result<Bytes> NewSessionTicket::serialize() const {
  Writer w;
  w.u32(ticket_lifetime_hint);
  w.vec16(ticket);
  return finish(w, "NewSessionTicket");
}

}  // namespace gauntlet
