#include "engine/record/tls13_padding.h"

#include <algorithm>

namespace gauntlet {

size_t Tls13Padding::padding_for(size_t content_size) const {
  const size_t unpadded = std::min(content_size + 1, kMaxTls13InnerPlaintext);
  const size_t room = kMaxTls13InnerPlaintext - unpadded;
  switch (mode_) {
    case Mode::none:
      return 0;
    case Mode::block: {
      const size_t block = std::max<size_t>(block_, 1);
      const size_t rounded = (unpadded + block - 1) / block * block;
      return std::min(rounded - unpadded, room);
    }
    case Mode::random: {
      // Four random bytes against a range of at most 2^14 + 1: the bias of
      // the modulo is under 2^-17.
      const Bytes r = random_->bytes(4);
      const uint32_t n = static_cast<uint32_t>(r[0]) << 24 | static_cast<uint32_t>(r[1]) << 16 |
                         static_cast<uint32_t>(r[2]) << 8 | r[3];
      return n % (room + 1);
    }
    case Mode::maximal:
      return room;
  }
  return 0;
}

}  // namespace gauntlet
