#include "engine/record/key_block.h"

#include "engine/crypto/cipher.h"
#include "engine/record/record_mac.h"

namespace gauntlet {

size_t key_block_length(size_t mac_key_len, size_t key_len, size_t fixed_iv_len) {
  return 2 * (mac_key_len + key_len + fixed_iv_len);
}

KeyBlockLayout key_block_layout(ProtocolVersion version, CipherAlgorithm cipher, MacAlgorithm mac) {
  size_t iv = cipher_fixed_iv_size(cipher);
  if (cipher_kind(cipher) == CipherKind::block && version >= ProtocolVersion::tls11) iv = 0;
  return {mac_size(mac), cipher_key_size(cipher), iv};
}

Result<KeyMaterial> split_key_block(ByteView key_block, KeyBlockLayout layout) {
  Reader r(key_block);
  KeyMaterial m;
  if (!r.bytes(layout.mac_key, m.client.mac_key) || !r.bytes(layout.mac_key, m.server.mac_key) ||
      !r.bytes(layout.key, m.client.key) || !r.bytes(layout.key, m.server.key) ||
      !r.bytes(layout.iv, m.client.iv) || !r.bytes(layout.iv, m.server.iv)) {
    return internal_error("key block shorter than its layout");
  }
  return m;
}

}  // namespace gauntlet
