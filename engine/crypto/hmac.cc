#include "engine/crypto/hmac.h"

namespace gauntlet {

namespace {

// RFC 2104 §2: K0 is the key, hashed first if it is longer than a block;
// a digest keyed with a pad starts from K0, zero-padded to the block, XOR
// the pad byte (0x36 inner, 0x5c outer).
Hash keyed_digest(HashAlgorithm h, ByteView k0, uint8_t pad) {
  Bytes block(block_size(h), pad);
  for (size_t i = 0; i < k0.size(); ++i) block[i] ^= k0[i];
  Hash d(h);
  d.update(block);
  return d;
}

}  // namespace

struct Hmac::Pads {
  Hash outer, inner;
};

Bytes hmac(HashAlgorithm h, ByteView key, ByteView data) {
  Hmac mac(h, key);
  mac.update(data);
  return mac.finish();
}

Hmac::Hmac(HashAlgorithm h, ByteView key)
    : Hmac([&] {
        const Bytes k0 = key.size() > block_size(h) ? hash(h, key) : Bytes(key.begin(), key.end());
        return Pads{keyed_digest(h, k0, 0x5c), keyed_digest(h, k0, 0x36)};
      }()) {}

Hmac::Hmac(Pads pads)
    : outer_(std::make_shared<const Hash>(std::move(pads.outer))), inner_(std::move(pads.inner)) {}

Bytes Hmac::finish() {
  const Bytes inner = inner_.finish();
  Hash outer = *outer_;
  outer.update(inner);
  return outer.finish();
}

}  // namespace gauntlet
