#include "engine/crypto/hmac.h"

#include <array>
#include <string>

#include <openssl/core_names.h>
#include <openssl/crypto.h>

namespace gauntlet {

namespace {

// A zero-length key must still be a non-null pointer: EVP_MAC_init treats a
// null key as "keep the previous one".
const uint8_t* key_pointer(ByteView key) {
  static constexpr uint8_t kEmpty = 0;
  return key.empty() ? &kEmpty : key.data();
}

EvpMacCtxPtr make_unkeyed(HashAlgorithm h) {
  EvpMacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  EvpMacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
  std::string digest(hash_name(h));
  std::array<OSSL_PARAM, 2> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
      OSSL_PARAM_construct_end(),
  };
  EVP_MAC_CTX_set_params(ctx.get(), params.data());
  return ctx;
}

// One HMAC context per digest, made once for the life of the process and
// only ever copied: fetching HMAC and its digest by name, under OpenSSL's
// locks, cost more than the MAC of a short message. OpenSSL is initialised
// first so that these are freed before its exit handler runs.
const EVP_MAC_CTX* unkeyed(HashAlgorithm h) {
  static const bool initialised = OPENSSL_init_crypto(0, nullptr) == 1;
  static const std::array<EvpMacCtxPtr, 6> contexts = {
      make_unkeyed(HashAlgorithm::md5),    make_unkeyed(HashAlgorithm::sha1),
      make_unkeyed(HashAlgorithm::sha224), make_unkeyed(HashAlgorithm::sha256),
      make_unkeyed(HashAlgorithm::sha384), make_unkeyed(HashAlgorithm::sha512),
  };
  (void)initialised;
  return contexts[static_cast<size_t>(h)].get();
}

}  // namespace

Bytes hmac(HashAlgorithm h, ByteView key, ByteView data) {
  Hmac mac(h, key);
  mac.update(data);
  return mac.finish();
}

Hmac::Hmac(HashAlgorithm h, ByteView key) : ctx_(EVP_MAC_CTX_dup(unkeyed(h))) {
  EVP_MAC_init(ctx_.get(), key_pointer(key), key.size(), nullptr);
}

Hmac::Hmac(const Hmac& other) : ctx_(EVP_MAC_CTX_dup(other.ctx_.get())) {}

Hmac& Hmac::operator=(const Hmac& other) {
  if (this != &other) ctx_.reset(EVP_MAC_CTX_dup(other.ctx_.get()));
  return *this;
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
