#include "engine/messages/framing/handshake_message.h"

#include "engine/base/writer.h"

namespace gauntlet {

Bytes HandshakeMessage::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(type));
  w.vec24(body);
  return w.take();
}

Result<HandshakeMessage> HandshakeMessage::parse(ByteView framed) {
  Reader r(framed);
  uint8_t type;
  Bytes body;
  if (!r.u8(type) || !r.vec24(body)) return decode_error("handshake message: truncated");
  if (!r.empty()) return decode_error("handshake message: trailing bytes after the body");
  return HandshakeMessage{static_cast<HandshakeType>(type), std::move(body)};
}

}  // namespace gauntlet
