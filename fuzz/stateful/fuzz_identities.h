// The RSA, ECDSA and DSA identities the stateful fuzz targets use, compiled
// in so the targets run anywhere (OSS-Fuzz included) without data files.
#pragma once

#include <vector>

#include "engine/connection/config.h"

namespace gauntlet::fuzzing {

const std::vector<Identity>& fuzz_identities();

}  // namespace gauntlet::fuzzing
