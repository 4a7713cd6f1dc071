// The whole server: the input is a settings header and everything the
// client sends (see client.cc for fuzzer mode).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::any);
  return 0;
}
