#include "engine/crypto/rsa.h"

#include <utility>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include "engine/crypto/constant_time.h"

namespace gauntlet {

namespace {
Result<Bytes> rsa_encrypt(const PublicKey& key, ByteView plaintext, int padding) {
  if (key.type() != KeyType::rsa) return internal_error("RSA encryption needs an RSA key");
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), padding) != 1 ||
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
}  // namespace

Result<Bytes> rsa_encrypt_pkcs1(const PublicKey& key, ByteView plaintext) {
  return rsa_encrypt(key, plaintext, RSA_PKCS1_PADDING);
}

Result<Bytes> rsa_encrypt_raw(const PublicKey& key, ByteView block) {
  return rsa_encrypt(key, block, RSA_NO_PADDING);
}

Result<Bytes> rsa_decrypt_raw(const PrivateKey& key, ByteView ciphertext) {
  if (key.type() != KeyType::rsa) return internal_error("RSA decryption needs an RSA key");
  const size_t k = static_cast<size_t>(EVP_PKEY_get_size(key.get()));
  if (ciphertext.size() != k) return decode_error("RSA ciphertext is not as long as the modulus");
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  Bytes out(k);
  size_t len = k;
  if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
      EVP_PKEY_decrypt(ctx.get(), out.data(), &len, ciphertext.data(), ciphertext.size()) != 1 ||
      len != k) {
    // With no padding the only failure is a ciphertext ≥ the modulus.
    return decode_error("RSA ciphertext out of range: " + openssl_error_string());
  }
  return out;
}

Result<Bytes> rsa_decrypt_block_or_zeros(const PrivateKey& key, ByteView encrypted) {
  if (key.type() != KeyType::rsa) return internal_error("RSA decryption needs an RSA key");
  const size_t k = static_cast<size_t>(EVP_PKEY_get_size(key.get()));
  Bytes em(k, 0);
  if (encrypted.size() == k) {
    if (auto raw = rsa_decrypt_raw(key, encrypted)) em = std::move(*raw);
  }
  return em;
}

Result<Pkcs1Type2Block> split_pkcs1_type2(ByteView em, size_t message_size) {
  constexpr size_t kMinPadding = 8;
  if (em.size() < message_size + 3 + kMinPadding) {
    return internal_error("RSA block too short for its message");
  }
  Reader block(em);
  uint8_t first = 0, type = 0, separator = 0;
  Pkcs1Type2Block out;
  if (!block.u8(first) || !block.u8(type) ||
      !block.bytes(em.size() - message_size - 3, out.padding) || !block.u8(separator) ||
      !block.bytes(message_size, out.message)) {
    return internal_error("RSA block shorter than the modulus");
  }
  out.good = ct_eq_mask(first, 0) & ct_eq_mask(type, 2) & ct_eq_mask(separator, 0);
  for (const uint8_t b : out.padding) out.good &= static_cast<uint8_t>(~ct_eq_mask(b, 0));
  return out;
}

Result<Bytes> rsa_decrypt_premaster(const PrivateKey& key, ByteView encrypted,
                                    ByteView random_premaster, uint16_t client_version,
                                    bool check_version) {
  if (key.type() != KeyType::rsa) return internal_error("RSA key exchange needs an RSA key");
  if (random_premaster.size() != kPremasterSize) {
    return internal_error("bad premaster decryption parameters");
  }
  Result<Bytes> em = rsa_decrypt_block_or_zeros(key, encrypted);
  if (!em) return em.error();
  // EM = 00 || 02 || PS (≥ 8 non-zero) || 00 || premaster (48 bytes).
  Result<Pkcs1Type2Block> block = split_pkcs1_type2(*em, kPremasterSize);
  if (!block) return block.error();
  uint16_t version = 0;
  if (!Reader(block->message).u16(version)) return internal_error("premaster too short");
  uint8_t good = block->good;
  if (check_version) good &= ct_eq_mask(version, client_version);
  Bytes out(kPremasterSize);
  ct_select(good, block->message, random_premaster, out);
  OPENSSL_cleanse(em->data(), em->size());
  return out;
}

}  // namespace gauntlet
