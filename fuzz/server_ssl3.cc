// The whole server (see server.cc), speaking SSL 3.0 only (RFC 6101).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::ssl3);
  return 0;
}
