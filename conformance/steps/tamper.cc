// `tamper`: arm our record layer to change the nth next record of a type, or
// the one opening a handshake message, after it is sealed
// (engine/connection/bugs.h, TamperAction).
#include "conformance/steps/step_context.h"
#include "conformance/scenario/setting_keys.h"

namespace gauntlet::conformance {

TamperStep TamperStep::parse(const YamlReader& r, const YAML::Node& v) {
  return {read_tamper(r, v)};
}

std::string tamper_target(const RecordTamper& t) {
  const std::string record =
      t.message ? "the record opening " + iana_name(*t.message) : iana_name(t.type) + " record";
  return record + " #" + std::to_string(t.nth);
}

std::string TamperStep::describe() const {
  return "tamper with " + tamper_target(tamper);
}

// Arming sends nothing, so there is no answer to judge.
Judgement TamperStep::run(StepContext& ctx) const {
  ctx.arm_tamper(tamper);
  return {Verdict::pass, ""};
}

}  // namespace gauntlet::conformance
