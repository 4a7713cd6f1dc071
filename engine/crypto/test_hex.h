// Hex literals for test vectors: spaces are ignored, so vectors can be pasted
// in the grouping the RFC prints them in.
#pragma once

#include <string_view>

#include "engine/base/reader.h"

namespace gauntlet {

inline Bytes hex(std::string_view text) {
  auto nibble = [](char c) -> uint8_t {
    if (c >= '0' && c <= '9') return static_cast<uint8_t>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<uint8_t>(c - 'a' + 10);
    return static_cast<uint8_t>(c - 'A' + 10);
  };
  Bytes out;
  bool high = true;
  for (char c : text) {
    if (c == ' ' || c == '\n') continue;
    if (high) {
      out.push_back(static_cast<uint8_t>(nibble(c) << 4));
    } else {
      out.back() |= nibble(c);
    }
    high = !high;
  }
  return out;
}

inline Bytes text_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

}  // namespace gauntlet
