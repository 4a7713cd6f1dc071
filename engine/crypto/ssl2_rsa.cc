#include "engine/crypto/ssl2_rsa.h"

#include <algorithm>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "engine/crypto/constant_time.h"
#include "engine/crypto/rsa.h"

namespace gauntlet {
namespace {

constexpr uint8_t kGuardByte = 0x03;

}  // namespace

Result<Bytes> rsa_encrypt_ssl2_secret(const PublicKey& key, ByteView secret,
                                      Ssl2RollbackGuard guard, RandomSource& random) {
  if (key.type() != KeyType::rsa) return internal_error("SSL 2.0 key exchange needs an RSA key");
  const size_t k = static_cast<size_t>(EVP_PKEY_get_size(key.get()));
  if (k < secret.size() + 11) return internal_error("RSA modulus too short for the secret key");
  Bytes em(k);
  em[0] = 0;
  em[1] = 2;
  const auto padding = std::span<uint8_t>(em).subspan(2, k - secret.size() - 3);
  random.fill(padding);
  for (uint8_t& b : padding) {
    while (b == 0) random.fill(std::span<uint8_t>(&b, 1));
  }
  if (guard == Ssl2RollbackGuard::present) {
    std::ranges::fill(padding.last(kSsl2RollbackPaddingSize), kGuardByte);
  }
  em[k - secret.size() - 1] = 0;
  std::ranges::copy(secret, em.end() - static_cast<std::ptrdiff_t>(secret.size()));
  Result<Bytes> out = rsa_encrypt_raw(key, em);
  OPENSSL_cleanse(em.data(), em.size());
  return out;
}

Result<Bytes> rsa_decrypt_ssl2_secret(const PrivateKey& key, ByteView encrypted,
                                      ByteView random_secret, Ssl2GuardCheck check) {
  // The secret's length is known from the cipher kind, so the separator's
  // place is fixed: a block whose zero byte sits elsewhere fails the checks
  // like any other (the countermeasure to CVE-2016-0800's oracle).
  Result<Bytes> em = rsa_decrypt_block_or_zeros(key, encrypted);
  if (!em) return em.error();
  Result<Pkcs1Type2Block> block = split_pkcs1_type2(*em, random_secret.size());
  if (!block) return block.error();
  uint8_t good = block->good;
  if (check == Ssl2GuardCheck::reject) {
    uint8_t guarded = 0xff;
    for (const uint8_t b : block->padding.last(kSsl2RollbackPaddingSize)) {
      guarded &= ct_eq_mask(b, kGuardByte);
    }
    good &= static_cast<uint8_t>(~guarded);
  }
  Bytes out(random_secret.size());
  ct_select(good, block->message, random_secret, out);
  OPENSSL_cleanse(em->data(), em->size());
  return out;
}

}  // namespace gauntlet
