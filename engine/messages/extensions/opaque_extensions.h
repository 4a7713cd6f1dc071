// Extensions whose body is one opaque value: session_ticket (RFC 5077 §3.2,
// any length, possibly empty), renegotiation_info (RFC 5746 §3.2,
// renegotiated_connection<0..255>) and cookie (RFC 8446 §4.2.2,
// <1..2^16-1>).
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

struct SessionTicketExtension {
  Bytes ticket;
  static Result<SessionTicketExtension> parse(ByteView body);
  void serialize(Writer& w) const { w.bytes(ticket); }
  bool operator==(const SessionTicketExtension&) const = default;
};

struct RenegotiationInfo {
  Bytes renegotiated_connection;
  static Result<RenegotiationInfo> parse(ByteView body);
  void serialize(Writer& w) const { w.vec8(renegotiated_connection); }
  bool operator==(const RenegotiationInfo&) const = default;
};

struct Cookie {
  Bytes cookie;
  static Result<Cookie> parse(ByteView body);
  void serialize(Writer& w) const { w.vec16(cookie); }
  bool operator==(const Cookie&) const = default;
};

}  // namespace gauntlet
