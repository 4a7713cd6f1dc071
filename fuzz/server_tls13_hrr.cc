// The whole server (see server.cc), up to TLS 1.3, answering every first
// ClientHello with a HelloRetryRequest and a cookie (RFC 8446 §4.1.4).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::tls13_hrr);
  return 0;
}
