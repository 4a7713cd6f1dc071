// `wait`: our side does nothing; only the SUT's answer counts.
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

WaitStep WaitStep::parse(const YamlReader& r, const YAML::Node& v) {
  if (v.IsScalar() && r.text(v) == "refused") r.fail(v, "'refused' is for renegotiate steps");
  return {read_expect_only(r, v, Expect::Kind::nothing)};
}

std::string WaitStep::describe() const { return "wait" + expecting(expect); }

Judgement WaitStep::run(StepContext& ctx) const { return ctx.answer(expect); }

}  // namespace gauntlet::conformance
