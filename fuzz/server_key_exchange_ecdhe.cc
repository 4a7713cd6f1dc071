// ServerKeyExchange with named-curve ECParameters (RFC 8422 §5.4), round-trip oracle.
#include "fuzz/key_exchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::server_key_exchange(data, size, gauntlet::KeyExchangeForm::ecdhe);
  return 0;
}
