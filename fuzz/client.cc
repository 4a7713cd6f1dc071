// The whole client: the input is a settings header and everything the
// server sends. Fuzzer mode keeps the records in the clear and lets
// Finished and signatures pass, so resumption, renegotiation and client
// auth are within the fuzzer's reach.
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::any);
  return 0;
}
