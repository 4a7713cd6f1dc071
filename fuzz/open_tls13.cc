// Opening a protected record: TLS 1.3 protection with its inner content type and padding (RFC 8446 §5.2, §5.4).
#include "fuzz/crypto/open_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::open_record(data, size, gauntlet::fuzzing::ProtectionMode::tls13);
  return 0;
}
