// `renegotiate`: our side starts a new handshake on the connection (RFC
// 5746); `renegotiate: start` sends the hello and goes on at once, so the
// next steps interleave with the new handshake (RFC 5246 §6).
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

RenegotiateStep RenegotiateStep::parse(const YamlReader& r, const YAML::Node& v) {
  if (v.IsMap() && !is_expect_map(v)) r.only_keys(v, {"expect"});
  RenegotiateStep s;
  s.start_only = v.IsScalar() && r.text(v) == "start";
  if (!s.start_only) s.expect = read_expectation(r, v, Expect::Kind::success);
  return s;
}

std::string RenegotiateStep::describe() const {
  return start_only ? "start a renegotiation" : "renegotiate" + expecting(expect);
}

Judgement RenegotiateStep::run(StepContext& ctx) const {
  Connection& c = ctx.connection();
  ctx.forget_messages();
  const int before = c.negotiated().handshakes;
  if (auto st = c.renegotiate(); !st) {
    return {Verdict::fail, "our side could not renegotiate: " + st.error().reason};
  }
  if (start_only) {
    if (auto st = ctx.flush(); !st) return {Verdict::fail, st.error().reason};
    return {Verdict::pass, ""};
  }
  return ctx.answer(expect, [&c, before] {
    return c.negotiated().handshakes > before && !c.handshaking();
  });
}

}  // namespace gauntlet::conformance
