// Bulk ciphers over libcrypto EVP, in the three shapes TLS records use:
// stream (RC4), CBC block ciphers (no padding: the record layer pads), and
// AEAD (AES-GCM, ChaCha20-Poly1305, AES-CCM).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/registry/algorithm_ids.h"

namespace gauntlet {

enum class CipherKind { null, stream, block, aead };
enum class CipherDirection { encrypt, decrypt };

CipherKind cipher_kind(CipherAlgorithm c);
std::string_view cipher_name(CipherAlgorithm c);
size_t cipher_key_size(CipherAlgorithm c);
// CBC block size; 1 for stream and AEAD.
size_t cipher_block_size(CipherAlgorithm c);
// The fixed IV from the key block (RFC 5246 §6.3, RFC 5288 §3, RFC 7905 §2):
// the CBC block size for block ciphers (used by SSL 3.0 and TLS 1.0), 4 for
// AES-GCM, 12 for ChaCha20-Poly1305, 0 otherwise.
size_t cipher_fixed_iv_size(CipherAlgorithm c);
constexpr size_t kAeadTagSize = 16;
// 8 for AES-128-CCM-8, kAeadTagSize for every other AEAD.
size_t aead_tag_size(CipherAlgorithm c);

// Loads OpenSSL's legacy provider (for RC4, and SSL 2.0's RC2, IDEA and DES:
// ssl2_cipher.h) next to the default one. Called only when such a cipher is
// created; idempotent.
Status load_legacy_provider();

// RC4.
class StreamCipher {
 public:
  static Result<StreamCipher> create(CipherAlgorithm c, ByteView key, CipherDirection dir);
  // in and out may be the same buffer; out.size() == in.size().
  void process(ByteView in, std::span<uint8_t> out);

 private:
  explicit StreamCipher(EvpCipherCtxPtr ctx) : ctx_(std::move(ctx)) {}
  EvpCipherCtxPtr ctx_;
};

// A CBC cipher without padding. The IV chains from one call to the next (the
// SSL 3.0/TLS 1.0 implicit IV) unless set_iv() resets it (TLS 1.1+).
class CbcCipher {
 public:
  static Result<CbcCipher> create(CipherAlgorithm c, ByteView key, ByteView iv,
                                  CipherDirection dir);
  void set_iv(ByteView iv);
  // in.size() must be a multiple of the block size; out.size() == in.size();
  // in and out may be the same buffer.
  Status process(ByteView in, std::span<uint8_t> out);
  size_t block_size() const { return block_size_; }

 private:
  CbcCipher(EvpCipherCtxPtr ctx, size_t bs) : ctx_(std::move(ctx)), block_size_(bs) {}
  EvpCipherCtxPtr ctx_;
  size_t block_size_;
};

// AES-GCM, ChaCha20-Poly1305 or AES-CCM(-8) with a 12-byte nonce and the
// algorithm's tag (tag_size()).
class AeadCipher {
 public:
  static Result<AeadCipher> create(CipherAlgorithm c, ByteView key);
  // Returns ciphertext || tag.
  Result<Bytes> seal(ByteView nonce, ByteView aad, ByteView plaintext);
  // The same into out, exactly plaintext.size() + tag_size() bytes, so a
  // record can be sealed in place after its header.
  Status seal_into(ByteView nonce, ByteView aad, ByteView plaintext, std::span<uint8_t> out);
  // Takes ciphertext || tag; a wrong tag is an Error with bad_record_mac.
  Result<Bytes> open(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag);
  size_t tag_size() const { return tag_size_; }

 private:
  AeadCipher(EvpCipherCtxPtr ctx, EvpCipherCtxPtr open_ctx, size_t tag_size, bool ccm)
      : ctx_(std::move(ctx)), open_ctx_(std::move(open_ctx)), tag_size_(tag_size), ccm_(ccm) {}
  EVP_CIPHER_CTX* opener() { return open_ctx_ ? open_ctx_.get() : ctx_.get(); }

  EvpCipherCtxPtr ctx_;
  // CCM only: OpenSSL picks CCM's bulk routine by direction when it is
  // keyed, so opening needs a context keyed for it.
  EvpCipherCtxPtr open_ctx_;
  size_t tag_size_;
  // CCM is told the message length before the additional data, and checks
  // the tag as it decrypts (RFC 3610 §2).
  bool ccm_;
};

}  // namespace gauntlet
