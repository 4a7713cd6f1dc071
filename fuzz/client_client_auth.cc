// The whole client (see client.cc), with a certificate to send when asked (RFC 5246 §7.4.6).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::client_auth);
  return 0;
}
