// The whole client (see client.cc), up to TLS 1.3, offering a ticket's PSK
// and taking new tickets (RFC 8446 §2.2, §4.2.11, §4.6.1).
#include "fuzz/stateful/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::fuzz_client(data, size, gauntlet::fuzzing::Variant::tls13_psk);
  return 0;
}
