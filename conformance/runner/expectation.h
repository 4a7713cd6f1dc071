// Judging the SUT's answer to a step: what was expected, what was seen. A
// refusal with another alert than the RFC names is "lenient", not "pass",
// so a run can gate on the strict or on the lenient level.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conformance/runner/case_result.h"
#include "conformance/scenario/scenario.h"

namespace gauntlet::conformance {

// What a step left behind, from our scripted peer's side.
struct Seen {
  bool step_done = false;  // the step's own goal (handshake complete, ...)
  bool resumed = false;
  int handshakes = 0;
  bool handshaking = false;
  std::optional<AlertDescription> sut_alert;  // a fatal alert from the SUT
  bool close_notify = false;
  bool sut_closed = false;  // the SUT closed the connection
  bool alive = true;
  bool silent = false;      // the wait ended in a timeout
  bool busy = false;        // ... while the SUT was still sending
  bool data = false;        // application data arrived
  std::optional<std::string> scripted_error;  // our side gave up first
  std::vector<HandshakeType> messages;        // from the SUT in this handshake
};

struct Judgement {
  Verdict verdict = Verdict::pass;
  std::string detail;
};

Judgement judge(const Expect& e, const Seen& seen);
std::string describe(const Expect& e);
std::string describe(const Seen& s);
std::string describe(const Step& s);

}  // namespace gauntlet::conformance
