// The algorithm identifiers shared by the crypto layer, the cipher-suite
// registry and the record layer. Header-only so the registry need not link
// libcrypto.
#pragma once

namespace gauntlet {

enum class HashAlgorithm { md5, sha1, sha224, sha256, sha384, sha512 };

enum class CipherAlgorithm {
  null,
  rc4_128,
  des_ede3_cbc,
  aes_128_cbc,
  aes_256_cbc,
  aes_128_gcm,
  aes_256_gcm,
  chacha20_poly1305,
  aes_128_ccm,    // 16-byte tag (RFC 8446 §B.4)
  aes_128_ccm_8,  // 8-byte tag
};

// The record MAC of a suite; none for AEAD suites and the initial null state.
enum class MacAlgorithm { none, hmac_md5, hmac_sha1, hmac_sha256, hmac_sha384 };

}  // namespace gauntlet
