// The whole server (see server.cc), speaking SSL 2.0 only (SSL 2.0 spec, Hickman
// 1995): the settings header's version is ignored.
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::ssl2);
  return 0;
}
