#include "conformance/report/progress.h"

#include <unistd.h>

namespace gauntlet::conformance {

Progress::Progress(std::FILE* out) : out_(out), tty_(isatty(fileno(out)) == 1) {}

void Progress::update(const CaseResult& r, Outcome o, size_t done, size_t total) {
  const bool regression = is_regression(o);
  regressions_ += regression;
  if (tty_) {
    std::fprintf(out_, "\r\033[K[%zu/%zu] %zu failed  %s %s", done, total, regressions_,
                 r.target.c_str(), r.id.c_str());
    if (regression) std::fprintf(out_, "\n%s %s\n", outcome_name(o).c_str(), r.reason.c_str());
    std::fflush(out_);
    return;
  }
  if (regression) {
    std::fprintf(out_, "%s %s %s\n    %s\n", outcome_name(o).c_str(), r.target.c_str(),
                 r.id.c_str(), r.reason.c_str());
  }
  const size_t tenth = done * 10 / total;
  if (tenth != last_tenth_) {
    last_tenth_ = tenth;
    std::fprintf(out_, "[%zu/%zu] %zu failed\n", done, total, regressions_);
  }
}

void Progress::finish() {
  if (tty_) std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
}

}  // namespace gauntlet::conformance
