#include "engine/crypto/constant_time.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include <openssl/crypto.h>

namespace gauntlet {

namespace {

constexpr unsigned kTopBit = sizeof(size_t) * CHAR_BIT - 1;

// 0xff when bit is 1, 0x00 when it is 0.
uint8_t spread(size_t bit) { return static_cast<uint8_t>(0 - bit); }

}  // namespace

uint8_t ct_eq_mask(size_t a, size_t b) {
  size_t x = a ^ b;
  // The top bit of x | -x is set iff x is non-zero.
  size_t nonzero = (x | (0 - x)) >> kTopBit;
  return spread(nonzero ^ 1);
}

uint8_t ct_lt_mask(size_t a, size_t b) {
  // The top bit of this expression is the borrow of a - b, i.e. a < b.
  size_t lt = (a ^ ((a ^ b) | ((a - b) ^ b))) >> kTopBit;
  return spread(lt);
}

bool ct_equal(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void ct_select(uint8_t mask, ByteView a, ByteView b, std::span<uint8_t> out) {
  if (a.size() != b.size() || out.size() != a.size()) std::abort();
  std::transform(a.begin(), a.end(), b.begin(), out.begin(), [mask](uint8_t x, uint8_t y) {
    return static_cast<uint8_t>((mask & x) | (~mask & y));
  });
}

}  // namespace gauntlet
