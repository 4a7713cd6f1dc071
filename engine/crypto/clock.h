// Injectable time, in whole seconds since the Unix epoch: session lifetimes,
// ticket ages, certificate validity and gmt_unix_time all read it.
#pragma once

#include <cstdint>

namespace gauntlet {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t now() const override;
};

// Stands still until advanced; for tests and fuzzing.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t now) : now_(now) {}
  int64_t now() const override { return now_; }
  void advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

}  // namespace gauntlet
