// HMAC (RFC 2104) over libcrypto's EVP_MAC.
#pragma once

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/openssl_ptr.h"

namespace gauntlet {

Bytes hmac(HashAlgorithm h, ByteView key, ByteView data);

// Incremental HMAC, for a record MAC fed header and fragment separately.
// A copy carries the key and everything fed so far, so a keyed Hmac can be
// kept and copied for each message instead of being keyed again.
class Hmac {
 public:
  Hmac(HashAlgorithm h, ByteView key);
  Hmac(const Hmac& other);
  Hmac& operator=(const Hmac& other);
  Hmac(Hmac&&) noexcept = default;
  Hmac& operator=(Hmac&&) noexcept = default;

  void update(ByteView data);
  Bytes finish();  // then the object is spent

 private:
  EvpMacCtxPtr ctx_;
};

}  // namespace gauntlet
