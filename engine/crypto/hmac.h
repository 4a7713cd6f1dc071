// HMAC (RFC 2104) over libcrypto's EVP_MAC.
#pragma once

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/openssl_ptr.h"

namespace gauntlet {

Bytes hmac(HashAlgorithm h, ByteView key, ByteView data);

// Incremental HMAC, for a record MAC fed header and fragment separately.
class Hmac {
 public:
  Hmac(HashAlgorithm h, ByteView key);
  void update(ByteView data);
  Bytes finish();  // then the object is spent

 private:
  EvpMacCtxPtr ctx_;
};

}  // namespace gauntlet
