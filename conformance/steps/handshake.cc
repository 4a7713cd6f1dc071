// `handshake`: run (or finish) the handshake; `{expect: success, resumed:
// true}` also asks whether it was abbreviated.
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

HandshakeStep HandshakeStep::parse(const YamlReader& r, const YAML::Node& v) {
  std::optional<bool> resumed;
  if (v.IsMap() && !is_expect_map(v)) {
    r.only_keys(v, {"expect", "resumed", "accept"});
    if (v["resumed"]) resumed = r.boolean(v["resumed"]);
  }
  HandshakeStep s;
  s.expect = read_expectation(r, v, Expect::Kind::success);
  s.expect.resumed = resumed;
  if (resumed && s.expect.kind != Expect::Kind::success) r.fail(v, "'resumed' needs expect: success");
  return s;
}

std::string HandshakeStep::describe() const { return "handshake" + expecting(expect); }

Judgement HandshakeStep::run(StepContext& ctx) const {
  ctx.mark_handshake_started();
  const Connection& c = ctx.connection();
  return ctx.answer(expect, [&c] { return c.handshake_done() && !c.handshaking(); });
}

}  // namespace gauntlet::conformance
