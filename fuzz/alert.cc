// The Alert record body (RFC 5246 §7.2), round-trip oracle.
#include "engine/messages/handshake/record_bodies.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::check_round_trip(gauntlet::ByteView(data, size), gauntlet::AlertMessage::parse);
  return 0;
}
