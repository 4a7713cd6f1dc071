// `close`: close_notify from our side (RFC 5246 §7.2.1).
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

CloseStep CloseStep::parse(const YamlReader& r, const YAML::Node& v) {
  return {read_expect_only(r, v, Expect::Kind::close_notify)};
}

std::string CloseStep::describe() const { return "close_notify" + expecting(expect); }

Judgement CloseStep::run(StepContext& ctx) const {
  ctx.connection().close();
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
