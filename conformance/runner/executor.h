// Runs one case: our scripted peer (the engine with the scenario's bugs)
// against the target's SUT, step by step, judging the SUT's answer to each.
#pragma once

#include <chrono>
#include <optional>

#include "conformance/runner/case_result.h"
#include "conformance/runner/scripted_config.h"
#include "conformance/sut/target.h"

namespace gauntlet::conformance {

struct RunSettings {
  Pki pki;
  // The longest wait for any answer; a SUT that stays silent fails the case.
  std::chrono::milliseconds timeout{5000};
  // How long a socket SUT must stay quiet for "nothing" to hold, at most
  // (quiet_for).
  std::chrono::milliseconds quiet{300};
};

// How long the SUT must stay quiet for "nothing" to hold, given how long it
// took to answer our first flight of the case (its `reaction`, measured on
// this machine under its present load): kQuietReactions of those, within
// [kMinQuiet, s.quiet]; s.quiet until it has answered once.
inline constexpr int kQuietReactions = 20;
inline constexpr std::chrono::milliseconds kMinQuiet{100};
std::chrono::milliseconds quiet_for(std::optional<std::chrono::steady_clock::duration> reaction,
                                    const RunSettings& s);

// The settings for one target: a wait is at least four of its measured
// handshakes (one step may hold a handshake, with room for a slow moment),
// so a slow but correct peer is not failed by a fixed --timeout.
RunSettings adapted_to(const RunSettings& s, const Target& target);

// A case's own deadline: one wait per step and two more (starting the SUT,
// connecting), so a SUT that keeps sending cannot hold a case, or the run.
std::chrono::milliseconds case_timeout(const Case& c, const RunSettings& s);

CaseResult run_case(const Case& c, const Target& target, const RunSettings& settings);

}  // namespace gauntlet::conformance
