// ClientHello with its extensions (RFC 5246 §7.4.1.2), round-trip oracle.
#include "engine/messages/handshake/client_hello.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::check_round_trip(gauntlet::ByteView(data, size), gauntlet::ClientHello::parse);
  return 0;
}
