// The 64-bit record sequence number of one direction (RFC 5246 §6.1). It
// must never wrap: the connection has to rekey first, so we refuse instead.
#pragma once

#include <cstdint>

#include "engine/base/error.h"

namespace gauntlet {

class SequenceNumber {
 public:
  explicit SequenceNumber(uint64_t start = 0) : next_(start) {}
  // The number for the next record, then advances; internal_error at 2^64-1.
  Result<uint64_t> take();
  uint64_t peek() const { return next_; }

 private:
  uint64_t next_;
};

}  // namespace gauntlet
