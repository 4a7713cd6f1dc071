// The private-key loader the tools use (PEM under any usual header, PKCS#8
// or traditional DER), then what the engine asks of a loaded key. Oracle:
// the key's public half has the key's own type and size.
#include "engine/crypto/keys.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  auto key = load_private_key(ByteView(data, size));
  if (!key) return 0;
  const PublicKey pub = key->public_key();
  if (pub.type() != key->type() || pub.bits() != key->bits()) fuzz::oracle_failed();
  (void)key_type_name(key->type());
  return 0;
}
