#include "engine/messages/tls13/key_update.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<KeyUpdate> KeyUpdate::parse(ByteView body) {
  Reader r(body);
  uint8_t request;
  if (!r.u8(request)) return truncated("KeyUpdate");
  if (Status s = expect_end(r, "KeyUpdate"); !s) return s.error();
  if (request > 1) return illegal_parameter("KeyUpdate: request_update out of range");
  return KeyUpdate{static_cast<KeyUpdateRequest>(request)};
}

Result<EndOfEarlyData> EndOfEarlyData::parse(ByteView body) {
  if (Status s = expect_end(Reader(body), "EndOfEarlyData"); !s) return s.error();
  return EndOfEarlyData{};
}

}  // namespace gauntlet
