// `send`: application data of our choosing, `data` (text) or `hex`.
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

SendStep SendStep::parse(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "'send'");
  r.only_keys(v, {"data", "hex", "expect", "accept"});
  SendStep s;
  if (v["data"]) {
    const std::string d = r.text(v["data"]);
    s.data.assign(d.begin(), d.end());
  } else if (v["hex"]) {
    s.data = r.hex(v["hex"]);
  } else {
    r.fail(v, "'send' needs 'data' or 'hex'");
  }
  s.expect = read_expectation(r, v, Expect::Kind::nothing);
  return s;
}

std::string SendStep::describe() const {
  return "send " + std::to_string(data.size()) + " bytes" + expecting(expect);
}

Judgement SendStep::run(StepContext& ctx) const {
  if (auto st = ctx.connection().write(data); !st) {
    return {Verdict::fail, "could not send: " + st.error().reason};
  }
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
