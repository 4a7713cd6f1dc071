#include "engine/messages/handshake/record_bodies.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<ChangeCipherSpec> ChangeCipherSpec::parse(ByteView body) {
  Reader r(body);
  uint8_t type;
  if (!r.u8(type)) return truncated("ChangeCipherSpec");
  if (Status s = expect_end(r, "ChangeCipherSpec"); !s) return s.error();
  if (type != 1) return decode_error("ChangeCipherSpec: type is not change_cipher_spec(1)");
  return ChangeCipherSpec{};
}

Result<AlertMessage> AlertMessage::parse(ByteView body) {
  Reader r(body);
  uint8_t level, description;
  if (!r.u8(level) || !r.u8(description)) return truncated("Alert");
  if (Status s = expect_end(r, "Alert"); !s) return s.error();
  if (!known_alert_level(level)) return illegal_parameter("Alert: unknown level");
  return AlertMessage{static_cast<AlertLevel>(level), static_cast<AlertDescription>(description)};
}

Bytes AlertMessage::serialize() const {
  return {static_cast<uint8_t>(level), static_cast<uint8_t>(description)};
}

}  // namespace gauntlet
