// ClientKeyExchange carrying the RSA-encrypted premaster (RFC 5246 §7.4.7.1), round-trip oracle.
#include "fuzz/key_exchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::client_key_exchange(data, size, gauntlet::KeyExchangeForm::rsa);
  return 0;
}
