// Constant-time helpers for the checks an attacker can time: MAC comparison,
// CBC padding (Lucky13), RSA premaster selection (RFC 5246 §7.4.7.1).
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/base/reader.h"

namespace gauntlet {

// All-ones if a == b, else zero; no branches on the values.
uint8_t ct_eq_mask(size_t a, size_t b);
// All-ones if a < b, else zero.
uint8_t ct_lt_mask(size_t a, size_t b);
// True iff a and b are equal; time depends only on the sizes.
bool ct_equal(ByteView a, ByteView b);
// out[i] = mask ? a[i] : b[i]; sizes must match.
void ct_select(uint8_t mask, ByteView a, ByteView b, std::span<uint8_t> out);

}  // namespace gauntlet
