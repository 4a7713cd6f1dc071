// `exchange`: our client's request and the SUT server's answer, or the SUT
// client's request and our server's answer.
#include "conformance/steps/exchange.h"

#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

ExchangeStep ExchangeStep::parse(const YamlReader& r, const YAML::Node& v) {
  if (v.IsScalar() && r.text(v) == "refused") r.fail(v, "'refused' is for renegotiate steps");
  return {read_expect_only(r, v, Expect::Kind::data)};
}

std::string ExchangeStep::describe() const { return "exchange application data" + expecting(expect); }

Judgement ExchangeStep::run(StepContext& ctx) const {
  Connection& c = ctx.connection();
  if (ctx.scripted() == Role::client) {
    if (auto st = c.write(text_bytes(kClientRequest)); !st) {
      return {Verdict::fail, "could not send the request: " + st.error().reason};
    }
  }
  // Data that came before the step (a client's request behind its
  // Finished) counts; once used, the next exchange needs its own.
  Judgement j = ctx.answer(expect);
  ctx.forget_data();
  if (ctx.scripted() == Role::server && j.verdict == Verdict::pass && ctx.alive()) {
    (void)c.write(text_bytes(kServerAnswer));
    (void)ctx.flush();
  }
  return j;
}

}  // namespace gauntlet::conformance
