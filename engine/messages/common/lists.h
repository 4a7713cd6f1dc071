// Lists of 16-bit values with a 2-byte length (cipher suites, signature
// schemes, groups): the length must be even and, where the RFC's bound is
// <2..>, non-zero.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

template <typename E>
Result<std::vector<E>> read_u16_list(Reader& r, std::string_view what, bool allow_empty = false) {
  Reader list;
  if (!r.prefixed16(list)) return decode_error(std::string(what) + ": truncated");
  if (list.remaining() % 2 != 0) return decode_error(std::string(what) + ": odd length");
  if (list.empty() && !allow_empty) return decode_error(std::string(what) + ": empty list");
  std::vector<E> out;
  uint16_t v;
  while (list.u16(v)) out.push_back(static_cast<E>(v));
  return out;
}

template <typename E>
void write_u16_list(Writer& w, const std::vector<E>& values) {
  Writer list = w.prefixed16();
  for (E v : values) list.u16(static_cast<uint16_t>(v));
}

}  // namespace gauntlet
