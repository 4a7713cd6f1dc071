#include "engine/record/tls13_padding.h"

#include <algorithm>
#include <iterator>

namespace gauntlet {

namespace {

// What one record has: the inner plaintext unpadded (content and type
// byte), the room left under the limit, the policy's block and randomness.
struct Unpadded {
  size_t size, room, block;
  RandomSource* random;
};

// The padding of each mode, indexed by Tls13PaddingMode; none is ever more
// than the room (§5.4).
constexpr size_t (*kRules[])(const Unpadded&) = {
    // none
    [](const Unpadded&) -> size_t { return 0; },
    // to_block
    [](const Unpadded& u) -> size_t {
      const size_t block = std::max<size_t>(u.block, 1);
      return std::min((u.size + block - 1) / block * block - u.size, u.room);
    },
    // random: four random bytes against a range of at most 2^14 + 1, so
    // the bias of the modulo is under 2^-17.
    [](const Unpadded& u) -> size_t {
      const Bytes r = u.random->bytes(4);
      const uint32_t n = static_cast<uint32_t>(r[0]) << 24 | static_cast<uint32_t>(r[1]) << 16 |
                         static_cast<uint32_t>(r[2]) << 8 | r[3];
      return n % (u.room + 1);
    },
    // maximal
    [](const Unpadded& u) -> size_t { return u.room; },
};
static_assert(std::size(kRules) == static_cast<size_t>(Tls13PaddingMode::maximal) + 1);

}  // namespace

size_t Tls13Padding::padding_for(size_t content_size) const {
  const size_t unpadded = std::min(content_size + 1, kMaxTls13InnerPlaintext);
  return kRules[static_cast<size_t>(mode_)](
      {unpadded, kMaxTls13InnerPlaintext - unpadded, block_, random_});
}

}  // namespace gauntlet
