// RSA key transport for TLS (RFC 5246 §7.4.7.1): PKCS#1 v1.5 encryption of
// the premaster secret, and its decryption with the Bleichenbacher
// countermeasure.
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/keys.h"

namespace gauntlet {

constexpr size_t kPremasterSize = 48;

Result<Bytes> rsa_encrypt_pkcs1(const PublicKey& key, ByteView plaintext);

// The block as is, without padding (it must be as long as the modulus and
// below it): for building deliberately malformed premasters.
Result<Bytes> rsa_encrypt_raw(const PublicKey& key, ByteView block);

// The raw RSA private operation (no padding): modulus-sized output. A
// ciphertext of another length, or not below the modulus, is decode_error.
Result<Bytes> rsa_decrypt_raw(const PrivateKey& key, ByteView ciphertext);

// Decrypts an RSA-encrypted premaster without revealing why it was bad: the
// PKCS#1 type 2 padding (00 02, at least 8 non-zero bytes, 00) and, with
// check_version, the leading client_version are checked with masks, and on
// any failure the 48-byte random_premaster is returned instead, in constant
// time. A ciphertext whose length is not the modulus length takes the same
// path (RFC 5246 §7.4.7.1: nothing may tell one bad premaster from another).
Result<Bytes> rsa_decrypt_premaster(const PrivateKey& key, ByteView encrypted,
                                    ByteView random_premaster, uint16_t client_version,
                                    bool check_version);

}  // namespace gauntlet
