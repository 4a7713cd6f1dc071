// Opening a protected record: CBC with the SSL 3.0, TLS 1.0 and TLS 1.1+ IV rules and encrypt-then-MAC (RFC 5246 §6.2.3.2, RFC 7366).
#include "fuzz/crypto/open_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::open_record(data, size, gauntlet::fuzzing::ProtectionMode::cbc);
  return 0;
}
