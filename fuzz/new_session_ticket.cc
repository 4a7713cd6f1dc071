// NewSessionTicket (RFC 5077 §3.3), round-trip oracle.
#include "engine/messages/handshake/new_session_ticket.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::check_round_trip(gauntlet::ByteView(data, size),
                                   gauntlet::NewSessionTicket::parse);
  return 0;
}
