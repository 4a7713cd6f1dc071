// `tamper`: arm our record layer to change the nth next record of a type
// after it is sealed (engine/connection/bugs.h, TamperAction).
#include "conformance/steps/step_context.h"
#include "engine/connection/config_names.h"

namespace gauntlet::conformance {

TamperStep TamperStep::parse(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "'tamper'");
  r.only_keys(v, {"record", "nth", "action"});
  if (!v["record"] || !v["action"]) r.fail(v, "'tamper' needs 'record' and 'action'");
  TamperStep s;
  s.tamper.type = r.named(v["record"], &content_type_from_name, "content type");
  s.tamper.nth = v["nth"] ? static_cast<int>(r.integer(v["nth"], 1000)) : 0;
  s.tamper.action = r.config_name(v["action"], &tamper_action_from_name, "action");
  return s;
}

std::string TamperStep::describe() const {
  return "tamper with " + iana_name(tamper.type) + " record #" + std::to_string(tamper.nth);
}

// Arming sends nothing, so there is no answer to judge.
Judgement TamperStep::run(StepContext& ctx) const {
  ctx.arm_tamper(tamper);
  return {Verdict::pass, ""};
}

}  // namespace gauntlet::conformance
