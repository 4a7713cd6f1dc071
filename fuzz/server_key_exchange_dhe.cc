// ServerKeyExchange with ServerDHParams (RFC 5246 §7.4.3), round-trip oracle.
#include "fuzz/key_exchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::server_key_exchange(data, size, gauntlet::KeyExchangeForm::dhe);
  return 0;
}
