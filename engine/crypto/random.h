// Injectable randomness: the engine never calls a global RNG. Tests and the
// fuzzers use the deterministic source so every run is reproducible.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/base/reader.h"

namespace gauntlet {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void fill(std::span<uint8_t> out) = 0;
  Bytes bytes(size_t n);
};

// OpenSSL's RAND_bytes.
class SystemRandom final : public RandomSource {
 public:
  void fill(std::span<uint8_t> out) override;
};

// A keystream from the seed (SHA-256 in counter mode): same seed, same bytes.
// Never for production.
class DeterministicRandom final : public RandomSource {
 public:
  explicit DeterministicRandom(uint64_t seed = 0);
  void fill(std::span<uint8_t> out) override;

 private:
  uint64_t seed_;
  uint64_t counter_ = 0;
  // The current SHA-256 block and how much of it is used, so that splitting a
  // fill into several calls yields the same stream.
  std::array<uint8_t, 32> block_{};
  size_t used_ = 32;
};

}  // namespace gauntlet
