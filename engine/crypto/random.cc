#include "engine/crypto/random.h"

#include <algorithm>
#include <cstdlib>

#include <openssl/rand.h>

#include "engine/base/writer.h"
#include "engine/crypto/hash.h"

namespace gauntlet {

Bytes RandomSource::bytes(size_t n) {
  Bytes out(n);
  fill(out);
  return out;
}

void SystemRandom::fill(std::span<uint8_t> out) {
  // Without entropy there is nothing safe to continue with.
  if (!out.empty() && RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) std::abort();
}

DeterministicRandom::DeterministicRandom(uint64_t seed) : seed_(seed) {}

void DeterministicRandom::fill(std::span<uint8_t> out) {
  while (!out.empty()) {
    if (used_ == block_.size()) {
      // Block i = SHA-256(seed || i), both big-endian 64-bit.
      Writer input;
      input.u64(seed_);
      input.u64(counter_++);
      Bytes digest = hash(HashAlgorithm::sha256, input.data());
      std::ranges::copy(digest, block_.begin());
      used_ = 0;
    }
    size_t n = std::min(out.size(), block_.size() - used_);
    std::ranges::copy(std::span(block_).subspan(used_, n), out.begin());
    used_ += n;
    out = out.subspan(n);
  }
}

}  // namespace gauntlet
