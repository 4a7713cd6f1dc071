// `keys: early` on a `record` or `send` step (RFC 8446 §4.2.10): sealed
// under the client early traffic keys, which our client holds from its
// 0-RTT ClientHello until EndOfEarlyData or the server's refusal.
#pragma once

#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

// The step's `keys`, if it has one: only `early` is a key set of its own.
bool read_early_keys(const YamlReader& r, const YAML::Node& step);
// An early-keys step that names no expectation joins the 0-RTT flight: it
// waits for nothing, and the step after it judges what the SUT makes of
// the flight (the handshake, usually).
inline bool joins_the_flight(bool early_keys, const YAML::Node& step) {
  return early_keys && !step["expect"] && !step["accept"];
}
// Whether our side seals under the early keys now. When it does not (the
// ticket allowed no 0-RTT data, or none was offered) the case is not
// delivered: a record under other keys tests something else.
bool early_keys_ready(StepContext& ctx);
inline constexpr std::string_view kUnderEarlyKeys = " under the 0-RTT keys";
inline constexpr std::string_view kWithTheFlight = " (with the 0-RTT flight: the next step judges)";

}  // namespace gauntlet::conformance
