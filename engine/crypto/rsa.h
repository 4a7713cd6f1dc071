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

// The building blocks of every decryption that must not tell one bad block
// from another (RFC 5246 §7.4.7.1; SSL 2.0's CLIENT-MASTER-KEY):
//
// The raw block of `encrypted`, or as many zero bytes as the modulus when
// the ciphertext is not as long as the modulus or not below it. Those are
// public, but they take the same path as any other bad block: an all-zero
// block fails the padding check.
Result<Bytes> rsa_decrypt_block_or_zeros(const PrivateKey& key, ByteView encrypted);
// The parts of EM = 00 || 02 || PS || 00 || M with M of message_size bytes.
// The positions follow from the sizes alone, so splitting branches on
// nothing secret; `good` is all-ones when the fixed bytes are right and PS
// has no zero byte (at least 8 bytes), judged with masks.
struct Pkcs1Type2Block {
  ByteView padding;  // PS
  ByteView message;  // M
  uint8_t good = 0;
};
// internal_error when em is shorter than message_size + 11.
Result<Pkcs1Type2Block> split_pkcs1_type2(ByteView em, size_t message_size);

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
