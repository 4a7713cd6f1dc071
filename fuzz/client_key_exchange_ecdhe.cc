// ClientKeyExchange carrying the client's EC point (RFC 8422 §5.7), round-trip oracle.
#include "fuzz/key_exchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::client_key_exchange(data, size, gauntlet::KeyExchangeForm::ecdhe);
  return 0;
}
