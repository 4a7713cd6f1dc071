// The whole server (see server.cc), asking for a client certificate (RFC 5246 §7.4.4).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::client_auth);
  return 0;
}
