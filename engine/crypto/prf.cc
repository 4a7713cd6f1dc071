#include "engine/crypto/prf.h"

#include <algorithm>
#include <functional>

#include "engine/crypto/hmac.h"

namespace gauntlet {

namespace {

// label + seed, the PRF's seed argument in RFC 5246 §5.
Bytes labelled_seed(std::string_view label, ByteView seed) {
  Bytes out(label.begin(), label.end());
  out.insert(out.end(), seed.begin(), seed.end());
  return out;
}

}  // namespace

// RFC 5246 §5: A(0) = seed, A(i) = HMAC(secret, A(i-1)),
// P_hash = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ...
Bytes p_hash(HashAlgorithm h, ByteView secret, ByteView seed, size_t length) {
  Bytes out;
  out.reserve(length + digest_size(h));
  Bytes a(seed.begin(), seed.end());
  // Keyed once; each HMAC below starts from a copy.
  const Hmac keyed(h, secret);
  while (out.size() < length) {
    Hmac next_a = keyed;
    next_a.update(a);
    a = next_a.finish();
    Hmac block = keyed;
    block.update(a);
    block.update(seed);
    Bytes chunk = block.finish();
    out.insert(out.end(), chunk.begin(), chunk.end());
  }
  out.resize(length);
  return out;
}

Bytes prf_tls10(ByteView secret, std::string_view label, ByteView seed, size_t length) {
  // RFC 2246 §5: S1 is the first and S2 the last ceil(len/2) bytes.
  size_t half = (secret.size() + 1) / 2;
  Bytes full_seed = labelled_seed(label, seed);
  Bytes md5 = p_hash(HashAlgorithm::md5, secret.first(half), full_seed, length);
  Bytes sha1 = p_hash(HashAlgorithm::sha1, secret.last(half), full_seed, length);
  std::transform(md5.begin(), md5.end(), sha1.begin(), md5.begin(), std::bit_xor<uint8_t>());
  return md5;
}

Bytes prf_tls12(HashAlgorithm h, ByteView secret, std::string_view label, ByteView seed,
                size_t length) {
  return p_hash(h, secret, labelled_seed(label, seed), length);
}

}  // namespace gauntlet
