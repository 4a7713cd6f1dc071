// `renegotiate`: our side starts a new handshake on the connection (RFC
// 5746); `renegotiate: start` sends the hello and goes on at once, so the
// next steps interleave with the new handshake (RFC 5246 §6).
#include <algorithm>

#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

RenegotiateStep RenegotiateStep::parse(const YamlReader& r, const YAML::Node& v) {
  if (v.IsMap() && !is_expect_map(v)) r.only_keys(v, {"expect", "accept"});
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
  const size_t warned = c.peer_warnings().size();
  Judgement j = ctx.answer(expect, [&c, before] {
    return c.negotiated().handshakes > before && !c.handshaking();
  });
  // A SUT that declines every renegotiation (the warning no_renegotiation,
  // RFC 5246 §7.2.2) never judged the deviation our new handshake carries:
  // a case expecting that deviation refused has tested nothing.
  const auto& warnings = c.peer_warnings();
  const bool declined = std::find(warnings.begin() + static_cast<std::ptrdiff_t>(warned), warnings.end(),
                                  AlertDescription::no_renegotiation) != warnings.end();
  // The warning came first, so a close_notify with it (or after it, in
  // the next read) follows the refusal §7.2.2 recommends: either side may
  // close (§7.2.1). Judged the same however the two records arrive.
  if (declined && expect.kind == Expect::Kind::refused && j.verdict == Verdict::warning && !c.peer_alert() &&
      c.peer_closed()) {
    return {Verdict::pass,
            "saw the warning no_renegotiation, then close_notify: the refusal RFC 5246 §7.2.2 recommends, "
            "and a close after it, as §7.2.1 lets either side",
            true};
  }
  if (declined && expect.kind != Expect::Kind::refused && expect.kind != Expect::Kind::success) {
    ctx.not_delivered("the SUT declined the renegotiation (warning no_renegotiation), so the "
                      "deviation in it was never judged");
  }
  return j;
}

}  // namespace gauntlet::conformance
