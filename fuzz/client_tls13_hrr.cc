// The whole client (see client.cc), up to TLS 1.3; its seeds answer the
// ClientHello with a HelloRetryRequest (RFC 8446 §4.1.4).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::tls13_hrr);
  return 0;
}
