// Runs every case against every target, `jobs` at a time. Cases are
// independent: each has its own scripted peer and its own SUT instance;
// a target that says it must see one at a time (Target::one_at_a_time)
// gets one at a time.
#pragma once

#include <functional>
#include <vector>

#include "conformance/runner/executor.h"

namespace gauntlet::conformance {

// Called once per finished case, from one thread at a time.
using OnCaseDone = std::function<void(const CaseResult&, size_t done, size_t total)>;

// Results in case order within each target, targets in the order given;
// after net::cancel_waits(), only the cases that ran.
std::vector<CaseResult> run_matrix(const std::vector<Case>& cases,
                                   const std::vector<const Target*>& targets,
                                   const RunSettings& settings, int jobs, const OnCaseDone& on_done);

}  // namespace gauntlet::conformance
