// Opening a protected record: NULL cipher with a MAC (RFC 5246 §6.2.3.1), and no MAC at all.
#include "fuzz/crypto/open_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::open_record(data, size, gauntlet::fuzzing::ProtectionMode::null);
  return 0;
}
