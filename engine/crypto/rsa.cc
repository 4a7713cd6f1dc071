#include "engine/crypto/rsa.h"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include "engine/crypto/constant_time.h"

namespace gauntlet {

Result<Bytes> rsa_encrypt_pkcs1(const PublicKey& key, ByteView plaintext) {
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_encrypt(ctx.get(), nullptr, &len, plaintext.data(), plaintext.size()) != 1) {
    return internal_error("RSA encrypt: " + openssl_error_string());
  }
  Bytes out(len);
  if (EVP_PKEY_encrypt(ctx.get(), out.data(), &len, plaintext.data(), plaintext.size()) != 1) {
    return internal_error("RSA encrypt: " + openssl_error_string());
  }
  out.resize(len);
  return out;
}

Result<Bytes> rsa_decrypt_premaster(const PrivateKey& key, ByteView encrypted,
                                    ByteView random_premaster, uint16_t client_version,
                                    bool check_version) {
  const size_t k = static_cast<size_t>(EVP_PKEY_get_size(key.get()));
  if (encrypted.size() != k) {
    return decode_error("RSA premaster is not as long as the modulus");
  }
  if (random_premaster.size() != kPremasterSize || k < kPremasterSize + 11) {
    return internal_error("bad premaster decryption parameters");
  }
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  Bytes em(k);
  size_t len = k;
  if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
      EVP_PKEY_decrypt(ctx.get(), em.data(), &len, encrypted.data(), encrypted.size()) != 1) {
    // A ciphertext ≥ the modulus: public, but treat it like any other bad
    // premaster so every malformed input draws the same response.
    ERR_clear_error();
    em.assign(k, 0);
    len = k;
  }

  // EM = 00 || 02 || PS (≥ 8 non-zero) || 00 || premaster (48 bytes).
  const size_t separator = k - kPremasterSize - 1;
  uint8_t good = ct_eq_mask(em[0], 0) & ct_eq_mask(em[1], 2) & ct_eq_mask(em[separator], 0) &
                 ct_eq_mask(len, k);
  for (size_t i = 2; i < separator; ++i) good &= static_cast<uint8_t>(~ct_eq_mask(em[i], 0));
  const ByteView premaster = ByteView(em).last(kPremasterSize);
  if (check_version) {
    good &= ct_eq_mask(premaster[0], client_version >> 8) &
            ct_eq_mask(premaster[1], client_version & 0xff);
  }
  Bytes out(kPremasterSize);
  ct_select(good, premaster, random_premaster, out);
  OPENSSL_cleanse(em.data(), em.size());
  return out;
}

}  // namespace gauntlet
