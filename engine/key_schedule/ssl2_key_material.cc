#include "engine/key_schedule/ssl2_key_material.h"

#include <string>

#include "engine/crypto/hash.h"

namespace gauntlet {

Result<Bytes> ssl2_master_key(Ssl2CipherKind kind, ByteView clear_key, ByteView secret_key) {
  const Ssl2CipherKindInfo* info = ssl2_cipher_kind_info(kind);
  if (!info) return internal_error("unknown SSL 2.0 cipher kind");
  if (clear_key.size() != info->clear_key_size) {
    return illegal_parameter(iana_name(kind) + ": " + std::to_string(clear_key.size()) +
                             " clear key bytes, expected " + std::to_string(info->clear_key_size));
  }
  if (secret_key.size() != info->key_size - info->clear_key_size) {
    return illegal_parameter(iana_name(kind) + ": " + std::to_string(secret_key.size()) +
                             " secret key bytes, expected " +
                             std::to_string(info->key_size - info->clear_key_size));
  }
  Bytes master(clear_key.begin(), clear_key.end());
  master.insert(master.end(), secret_key.begin(), secret_key.end());
  return master;
}

Result<Bytes> ssl2_key_material(Ssl2CipherKind kind, ByteView master_key, ByteView challenge,
                                ByteView connection_id) {
  const Ssl2CipherKindInfo* info = ssl2_cipher_kind_info(kind);
  if (!info) return internal_error("unknown SSL 2.0 cipher kind");
  if (master_key.size() != info->key_size) {
    return internal_error(iana_name(kind) + ": master key of the wrong size");
  }
  Bytes material;
  for (uint8_t digit = '0'; material.size() < 2 * info->key_size; ++digit) {
    Hash md5(HashAlgorithm::md5);
    md5.update(master_key);
    md5.update(ByteView(&digit, 1));
    md5.update(challenge);
    md5.update(connection_id);
    const Bytes block = md5.digest();
    material.insert(material.end(), block.begin(), block.end());
  }
  return material;
}

Result<Ssl2SessionKeys> ssl2_session_keys(Ssl2CipherKind kind, ByteView master_key,
                                          ByteView challenge, ByteView connection_id) {
  Result<Bytes> material = ssl2_key_material(kind, master_key, challenge, connection_id);
  if (!material) return material.error();
  const auto key_size = static_cast<std::ptrdiff_t>(master_key.size());
  return Ssl2SessionKeys{Bytes(material->begin(), material->begin() + key_size),
                         Bytes(material->begin() + key_size, material->begin() + 2 * key_size)};
}

}  // namespace gauntlet
