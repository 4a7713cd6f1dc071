// The whole server (see server.cc), up to TLS 1.3, to a client offering
// post-handshake authentication: the header's bits choose whether it asks
// for a certificate in the handshake, after it, or both (RFC 8446 §4.3.2,
// §4.6.2).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_server(data, size, gauntlet::fuzzing::Variant::tls13_client_auth);
  return 0;
}
