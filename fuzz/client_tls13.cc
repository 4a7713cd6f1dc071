// The whole client (see client.cc), up to TLS 1.3 (RFC 8446).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::tls13);
  return 0;
}
