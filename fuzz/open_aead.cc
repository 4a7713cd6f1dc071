// Opening a protected record: TLS 1.2 AEAD: AES-GCM and ChaCha20-Poly1305 (RFC 5246 §6.2.3.3, RFC 5288, RFC 7905).
#include "fuzz/crypto/open_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzzing::open_record(data, size, gauntlet::fuzzing::ProtectionMode::aead);
  return 0;
}
