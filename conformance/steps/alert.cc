// `alert`: an alert record of our choosing, level and description by name
// or number, sealed by our record layer.
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

AlertStep AlertStep::parse(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "'alert'");
  r.only_keys(v, {"level", "description", "repeat", "expect", "accept"});
  if (!v["description"]) r.fail(v, "'alert' needs a 'description'");
  AlertStep s;
  if (v["level"]) {
    s.level = static_cast<uint8_t>(r.wire_or_named(v["level"], &alert_level_from_name, "alert level", 0xff));
  }
  s.description = static_cast<uint8_t>(
      r.wire_or_named(v["description"], &alert_description_from_name, "alert", 0xff));
  if (v["repeat"]) s.repeat = static_cast<int>(r.integer(v["repeat"], 10000));
  s.expect = read_expectation(r, v, Expect::Kind::nothing);
  return s;
}

std::string AlertStep::describe() const {
  return "alert " + std::to_string(level) + "/" +
         iana_name(static_cast<AlertDescription>(description)) + expecting(expect);
}

Judgement AlertStep::run(StepContext& ctx) const {
  const Bytes body{level, description};
  for (int i = 0; i < repeat; ++i) {
    if (auto st = ctx.connection().send_record(ContentType::alert, body); !st) {
      return {Verdict::fail, "could not seal the alert: " + st.error().reason};
    }
  }
  if (level == static_cast<uint8_t>(AlertLevel::fatal)) ctx.fatal_alert_sent();
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
