#include "engine/messages/extensions/opaque_extensions.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<SessionTicketExtension> SessionTicketExtension::parse(ByteView body) {
  return SessionTicketExtension{Bytes(body.begin(), body.end())};
}

Result<RenegotiationInfo> RenegotiationInfo::parse(ByteView body) {
  Reader r(body);
  RenegotiationInfo m;
  if (!r.vec8(m.renegotiated_connection)) return truncated("renegotiation_info");
  if (Status s = expect_end(r, "renegotiation_info"); !s) return s.error();
  return m;
}

Result<Cookie> Cookie::parse(ByteView body) {
  Reader r(body);
  Cookie m;
  if (!r.vec16(m.cookie)) return truncated("cookie");
  if (Status s = expect_end(r, "cookie"); !s) return s.error();
  if (m.cookie.empty()) return decode_error("cookie: empty");
  return m;
}

}  // namespace gauntlet
