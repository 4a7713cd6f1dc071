// Shared pieces of the message parsers: every failure names the message, and
// every parser must consume its body exactly.
#pragma once

#include <string>
#include <string_view>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

inline Error truncated(std::string_view message) {
  return decode_error(std::string(message) + ": truncated or inner length too long");
}

// decode_error unless r is exhausted (RFC 8446 §4: trailing data is an error).
inline Status expect_end(const Reader& r, std::string_view message) {
  if (!r.empty()) return decode_error(std::string(message) + ": trailing bytes");
  return ok_status();
}

// The writer's bytes, or internal_error if a length prefix overflowed.
inline Result<Bytes> finish(Writer& w, std::string_view message) {
  if (!w.ok()) return internal_error(std::string(message) + ": field too long for its length");
  return w.take();
}

}  // namespace gauntlet
