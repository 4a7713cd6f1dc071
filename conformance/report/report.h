// Reports of a run: a results table, JUnit XML for CI, JSON for tools, and
// per failure a pcap, its NSS key log and a transcript (artifacts.h).
#pragma once

#include <string>
#include <vector>

#include "conformance/profile/server_profile.h"
#include "conformance/runner/case_result.h"
#include "conformance/runner/known_failures.h"

namespace gauntlet::conformance {

struct Scored {
  const CaseResult* result;
  Outcome outcome;
  std::string known_reason;  // from the expectations file, if listed
};

// One row per target (counts of each outcome and the time), then the
// regressions and unexpected passes grouped by scenario: its RFC section
// and one-line meaning, each distinct reason with the versions and suites
// that drew it.
std::string summary_table(const std::vector<Scored>& scored);

// `--compare`: the cases every target judged on which their verdicts
// differ, side by side (each target's verdict and what its SUT did), one
// block per scenario and way of differing.
std::string differential(const std::vector<Scored>& scored);

Status write_junit(const std::string& path, const std::vector<Scored>& scored);
// The cases, and the profile of each external server and client command
// ("profiles", each as its to_json() wrote it).
Status write_json(const std::string& path, const std::vector<Scored>& scored,
                  const std::vector<std::string>& profiles = {});

}  // namespace gauntlet::conformance
