#include "engine/crypto/hmac.h"

#include <array>
#include <string>

#include <openssl/core_names.h>

namespace gauntlet {

namespace {

// A zero-length key must still be a non-null pointer: EVP_MAC_init treats a
// null key as "keep the previous one".
const uint8_t* key_pointer(ByteView key) {
  static constexpr uint8_t kEmpty = 0;
  return key.empty() ? &kEmpty : key.data();
}

}  // namespace

Bytes hmac(HashAlgorithm h, ByteView key, ByteView data) {
  Hmac mac(h, key);
  mac.update(data);
  return mac.finish();
}

Hmac::Hmac(HashAlgorithm h, ByteView key) {
  EvpMacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  ctx_.reset(EVP_MAC_CTX_new(mac.get()));
  std::string digest(hash_name(h));
  std::array<OSSL_PARAM, 2> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
      OSSL_PARAM_construct_end(),
  };
  EVP_MAC_init(ctx_.get(), key_pointer(key), key.size(), params.data());
}

void Hmac::update(ByteView data) { EVP_MAC_update(ctx_.get(), data.data(), data.size()); }

Bytes Hmac::finish() {
  Bytes out(EVP_MAC_CTX_get_mac_size(ctx_.get()));
  size_t len = 0;
  EVP_MAC_final(ctx_.get(), out.data(), &len, out.size());
  out.resize(len);
  ctx_.reset();
  return out;
}

}  // namespace gauntlet
