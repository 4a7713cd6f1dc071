// The whole client (see client.cc), capped at TLS 1.0 or 1.1 (RFC 2246, RFC 4346).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::tls10_11);
  return 0;
}
