// The bulk ciphers of the SSL 2.0 cipher kinds (SSL 2.0 spec §2.5–2.6) over
// libcrypto EVP: RC4, RC2-CBC, IDEA-CBC, DES-CBC and DES-EDE3-CBC. All but
// 3DES live in OpenSSL's legacy provider, which load_legacy_provider() loads
// the first time one of these is created, never before.
#pragma once

#include <cstddef>
#include <span>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet {

// One direction's cipher. The CBC state chains from one record to the next,
// starting from the KEY-ARG-DATA IV: SSL 2.0 never resets it (OpenSSL's
// SSLv2 kept one EVP context per direction for the connection's life).
class Ssl2Cipher {
 public:
  // key is the session key (info.key_size bytes), key_arg the IV
  // (info.key_arg_size bytes); internal_error for other sizes, an unknown
  // kind, or a cipher this libcrypto lacks.
  static Result<Ssl2Cipher> create(Ssl2CipherKind kind, ByteView key, ByteView key_arg,
                                   CipherDirection dir);
  // in.size() must be a multiple of block_size() and equal out.size(); in
  // and out may be the same buffer.
  Status process(ByteView in, std::span<uint8_t> out);
  size_t block_size() const { return block_size_; }

 private:
  Ssl2Cipher(EvpCipherCtxPtr ctx, size_t bs) : ctx_(std::move(ctx)), block_size_(bs) {}
  EvpCipherCtxPtr ctx_;
  size_t block_size_;
};

// The EVP name of the cipher: "RC4", "RC2-CBC", "IDEA-CBC", "DES-CBC",
// "DES-EDE3-CBC".
const char* ssl2_evp_name(Ssl2BulkCipher c);

// Whether this libcrypto (with its legacy provider) has the kind's cipher:
// IDEA is often built out, and a build without the legacy provider has none
// of RC4, RC2 and DES.
bool ssl2_cipher_available(Ssl2CipherKind kind);

}  // namespace gauntlet
