// The oracle of every parsing fuzz target (fuzzing notes: parse → serialize →
// parse): what parses must re-serialize to exactly the input and parse again
// to an equal value. A violation traps, which libFuzzer and the replay tests
// both report as a crash.
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstdlib>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet::fuzz {

[[noreturn]] inline void oracle_failed() { __builtin_trap(); }

// The oracle's own comparisons are no lead for the fuzzer, so they are not
// instrumented (nor libc's memcmp, which libFuzzer hooks): otherwise they
// cost more than the parse on a short input.
#if defined(__clang__)
__attribute__((no_sanitize("coverage")))
#endif
inline bool same_bytes(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<uint8_t>(a[i] ^ b[i]);
  return diff == 0;
}

inline Bytes bytes_of(const Bytes& b) { return b; }
inline Bytes bytes_of(const Result<Bytes>& b) {
  if (!b) oracle_failed();  // what parsed must serialize
  return *b;
}

// Parse must be callable as parse(ByteView) -> Result<M>.
template <typename Parse>
void check_round_trip(ByteView input, Parse parse) {
  auto parsed = parse(input);
  if (!parsed) return;
  const Bytes again = bytes_of(parsed->serialize());
  if (!same_bytes(again, input)) oracle_failed();
  auto reparsed = parse(ByteView(again));
  if (!reparsed || !(*reparsed == *parsed)) oracle_failed();
}

// The first byte chooses a variant (version, key exchange, context); the rest
// is the input.
struct Selected {
  uint8_t selector;
  ByteView rest;
};

inline bool select(const uint8_t* data, size_t size, Selected& out) {
  Reader r(ByteView(data, size));
  if (!r.u8(out.selector)) return false;
  out.rest = r.rest();
  return true;
}

}  // namespace gauntlet::fuzz
