// Finished (RFC 5246 §7.4.9: 12 bytes; RFC 6101 §5.6.9: 36 in SSL 3.0), the
// selector byte picking the version; round-trip oracle.
#include "engine/messages/handshake/finished.h"
#include "fuzz/oracle.h"
#include "fuzz/selectors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  const size_t length = finished_length(fuzz::tls_version(in.selector));
  fuzz::check_round_trip(in.rest, [&](ByteView b) { return Finished::parse(b, length); });
  return 0;
}
