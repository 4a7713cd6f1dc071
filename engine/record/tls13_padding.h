// How much zero padding a TLS 1.3 record carries (RFC 8446 §5.4): none, up
// to a multiple of a block size, a random amount, or as much as fits. Padding
// hides the length of what is sent; it never takes the whole
// TLSInnerPlaintext (content, type byte, padding) past 2^14 + 1 bytes.
#pragma once

#include <cstddef>

#include "engine/crypto/random.h"
#include "engine/record/record_header.h"

namespace gauntlet {

// RFC 8446 §5.4: the full encoded TLSInnerPlaintext MUST NOT exceed this.
constexpr size_t kMaxTls13InnerPlaintext = kMaxPlaintext + 1;

// The modes, in the order of Tls13Padding's rules; Config's RecordPadding
// names them too.
enum class Tls13PaddingMode { none, to_block, random, maximal };

class Tls13Padding {
 public:
  using Mode = Tls13PaddingMode;
  // `block` counts for to_block, `random` for random (it must outlive the
  // policy); each named constructor below is one mode.
  Tls13Padding(Mode mode, size_t block, RandomSource* random)
      : mode_(mode), block_(block), random_(random) {}

  static Tls13Padding none() { return Tls13Padding(Mode::none, 0, nullptr); }
  // The inner plaintext rounded up to a multiple of block (at least 1).
  static Tls13Padding to_block(size_t block) {
    return Tls13Padding(Mode::to_block, block, nullptr);
  }
  // Uniformly between none and maximal.
  static Tls13Padding random(RandomSource& random) {
    return Tls13Padding(Mode::random, 0, &random);
  }
  // Every record as long as the limit allows.
  static Tls13Padding maximal() { return Tls13Padding(Mode::maximal, 0, nullptr); }

  // The zero bytes to add after the type byte of `content_size` bytes of
  // content (at most kMaxPlaintext).
  size_t padding_for(size_t content_size) const;

 private:
  Mode mode_;
  size_t block_;
  RandomSource* random_;
};

}  // namespace gauntlet
