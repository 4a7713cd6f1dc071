// Live progress of a run. On a terminal one line rewritten in place:
// "[412/1530] 3 failed  records/flip-mac[TLSv1.2,AES128-SHA]"; elsewhere
// (CI logs) a line per regression and one every 10% of the run.
#pragma once

#include <cstdio>
#include <string>

#include "conformance/runner/known_failures.h"

namespace gauntlet::conformance {

class Progress {
 public:
  explicit Progress(std::FILE* out);
  void update(const CaseResult& r, Outcome o, size_t done, size_t total);
  void finish();

 private:
  std::FILE* out_;
  bool tty_;
  size_t regressions_ = 0;
  size_t last_tenth_ = 0;
};

}  // namespace gauntlet::conformance
