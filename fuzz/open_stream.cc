// Opening a protected record: RC4 with its MAC (RFC 5246 §6.2.3.1, RFC 6101 §5.2.3.1).
#include "fuzz/crypto/open_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::open_record(data, size, gauntlet::fuzzing::ProtectionMode::stream);
  return 0;
}
