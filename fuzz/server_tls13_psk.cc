// The whole server (see server.cc), up to TLS 1.3, resuming from tickets
// (RFC 8446 §2.2, §4.2.11) and sending new ones (§4.6.1).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::tls13_psk);
  return 0;
}
