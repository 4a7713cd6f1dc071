// ServerHello and HelloRetryRequest, round-trip oracle.
#include "engine/messages/handshake/server_hello.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::check_round_trip(gauntlet::ByteView(data, size), gauntlet::ServerHello::parse);
  return 0;
}
