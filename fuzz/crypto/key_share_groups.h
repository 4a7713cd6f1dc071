// The groups key_share_value (fuzz/key_share_value.cc) reads a peer's key
// share in, its selector byte an index here, and the size of the secret
// each gives (RFC 8446 §7.4: FFDHE left-padded to p, X25519 and X448 their
// u-coordinate, the NIST curves their x-coordinate). ffdhe2048 stands for
// the other FFDHE sizes, whose code is the same and whose arithmetic is
// slow.
#pragma once

#include <array>
#include <cstddef>

#include "engine/registry/named_group.h"

namespace gauntlet::fuzzing {

struct KeyShareGroup {
  NamedGroup group;
  size_t secret_size;
};

inline constexpr std::array kKeyShareGroups{
    KeyShareGroup{NamedGroup::x25519, 32},    KeyShareGroup{NamedGroup::x448, 56},
    KeyShareGroup{NamedGroup::secp256r1, 32}, KeyShareGroup{NamedGroup::secp384r1, 48},
    KeyShareGroup{NamedGroup::secp521r1, 66}, KeyShareGroup{NamedGroup::ffdhe2048, 256},
};

}  // namespace gauntlet::fuzzing
