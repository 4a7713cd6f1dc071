// The whole client (see client.cc), up to TLS 1.3, with a certificate to send
// when asked, in the handshake or after it (RFC 8446 §4.4.2, §4.6.2).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::tls13_client_auth);
  return 0;
}
