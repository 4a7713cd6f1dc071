#include "conformance/runner/matrix.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace gauntlet::conformance {

std::vector<CaseResult> run_matrix(const std::vector<Case>& cases,
                                   const std::vector<const Target*>& targets,
                                   const RunSettings& settings, int jobs, const OnCaseDone& on_done) {
  const size_t total = cases.size() * targets.size();
  std::vector<std::optional<CaseResult>> results(total);
  std::atomic<size_t> next{0};
  std::mutex mu;
  size_t done = 0;
  // A target that must see one case at a time holds its own lock while
  // one runs; the other targets' cases go on beside it.
  std::vector<std::mutex> serial(targets.size());
  const auto run_one = [&](size_t i) {
    const Target& t = *targets[i / cases.size()];
    std::unique_lock<std::mutex> hold;
    if (t.one_at_a_time()) hold = std::unique_lock(serial[i / cases.size()]);
    return run_case(cases[i % cases.size()], t, adapted_to(settings, t));
  };
  const auto work = [&] {
    // Once the run is interrupted no case starts; those under way end at
    // their next wait.
    for (size_t i = next++; i < total && !net::waits_cancelled(); i = next++) {
      CaseResult r = run_one(i);
      std::lock_guard lock(mu);
      results[i] = std::move(r);
      if (on_done) on_done(*results[i], ++done, total);
    }
  };
  {
    std::vector<std::jthread> pool;
    for (int j = 1; j < std::max(jobs, 1); ++j) pool.emplace_back(work);
    work();
  }
  std::vector<CaseResult> ran;
  for (auto& r : results)
    if (r) ran.push_back(std::move(*r));
  return ran;
}

}  // namespace gauntlet::conformance
