#include "engine/crypto/hkdf.h"

#include <cstdlib>

#include "engine/crypto/hmac.h"

namespace gauntlet {

Bytes hkdf_extract(HashAlgorithm h, ByteView salt, ByteView ikm) {
  const Bytes zeros(digest_size(h), 0);
  return hmac(h, salt.empty() ? ByteView(zeros) : salt, ikm);
}

Bytes hkdf_expand(HashAlgorithm h, ByteView prk, ByteView info, size_t length) {
  if (length > 255 * digest_size(h)) std::abort();
  Bytes out;
  out.reserve(length + digest_size(h));
  // Keyed once; each block starts from a copy.
  const Hmac keyed(h, prk);
  Bytes block;
  for (uint8_t counter = 1; out.size() < length; ++counter) {
    Hmac next = keyed;
    next.update(block);
    next.update(info);
    next.update(ByteView(&counter, 1));
    block = next.finish();
    out.insert(out.end(), block.begin(), block.end());
  }
  out.resize(length);
  return out;
}

}  // namespace gauntlet
