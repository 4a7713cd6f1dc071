// HMAC (RFC 2104) over our running digests (engine/crypto/hash.h).
#pragma once

#include <memory>

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"

namespace gauntlet {

Bytes hmac(HashAlgorithm h, ByteView key, ByteView data);

// Incremental HMAC, for a record MAC fed header and fragment separately.
// A copy carries the key and everything fed so far, so a keyed Hmac can be
// kept and copied for each message instead of being keyed again.
//
// Built on two keyed digests rather than EVP_MAC: copying an EVP_MAC_CTX
// duplicates three digest contexts and its parameters, and the TLS 1.2 PRF
// and HKDF copy a keyed HMAC for every block — a third of a TLS 1.2
// resumption's CPU went there. A copy here forks one digest; the outer one,
// never fed, is shared.
class Hmac {
 public:
  Hmac(HashAlgorithm h, ByteView key);

  void update(ByteView data) { inner_.update(data); }
  Bytes finish();  // then the object is spent

 private:
  struct Pads;
  explicit Hmac(Pads pads);

  std::shared_ptr<const Hash> outer_;  // H(K0 ^ opad || ...), never fed
  Hash inner_;                         // H(K0 ^ ipad || message so far)
};

}  // namespace gauntlet
