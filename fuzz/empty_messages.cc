// The bodies that must be empty or fixed: ChangeCipherSpec (RFC 5246 §7.1),
// HelloRequest (§7.4.1.1) and ServerHelloDone (§7.4.5), chosen by the
// selector byte; round-trip oracle.
#include "engine/messages/handshake/empty_messages.h"
#include "engine/messages/handshake/record_bodies.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  switch (in.selector % 3) {
    case 0:
      fuzz::check_round_trip(in.rest, ChangeCipherSpec::parse);
      break;
    case 1:
      fuzz::check_round_trip(in.rest, HelloRequest::parse);
      break;
    default:
      fuzz::check_round_trip(in.rest, ServerHelloDone::parse);
      break;
  }
  return 0;
}
