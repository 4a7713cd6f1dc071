// `gauntlet run`: load the scenarios, expand them, run them against each
// target, score the results against the expectations files, report.
#pragma once

#include <string>
#include <vector>

namespace gauntlet::conformance {

struct RunOptions {
  std::string scenarios = "conformance/scenarios";
  // <dir>/<target>.yaml; empty: kDefaultExpectations if it exists.
  std::string expectations;
  std::vector<std::string> targets;
  std::vector<std::string> filters;  // fnmatch(3) patterns over case ids
  bool list = false;
  int jobs = 1;
  int timeout_ms = 5000;
  bool lenient = false;
  bool compare = false;  // print where the targets' verdicts differ
  std::string junit, json, artifacts;
  std::string pki = "engine/crypto/testdata";
  std::string sni;  // external servers
  std::string ca;   // external servers: verify their chain against this
  bool no_verify = false;  // external servers: run on though the chain does not verify
  // External targets: their setup as the user states it (sut/peer_setup.h),
  // a KEY=VALUE list or a file of them; over what the profile finds.
  std::string sut;
};

inline constexpr const char* kDefaultExpectations = "conformance/expectations";

// The exit status: 0 all as expected, 1 regressions (or errors), 2 usage or
// setup error, 128 + N when signal N interrupted the run (the reports then
// hold the cases that ran).
int run_conformance(const RunOptions& o);

}  // namespace gauntlet::conformance
