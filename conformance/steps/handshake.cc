// `handshake`: run (or finish) the handshake; `{expect: success, resumed:
// true}` also asks whether it was abbreviated, `early_data: accepted` or
// `rejected` whether 0-RTT data was taken (RFC 8446 §4.2.10).
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

HandshakeStep HandshakeStep::parse(const YamlReader& r, const YAML::Node& v) {
  std::optional<bool> resumed, early_data;
  if (v.IsMap() && !is_expect_map(v)) {
    r.only_keys(v, {"expect", "resumed", "early_data", "accept"});
    if (v["resumed"]) resumed = r.boolean(v["resumed"]);
    if (v["early_data"]) early_data = read_early_data_taken(r, v["early_data"]);
  }
  HandshakeStep s;
  s.expect = read_expectation(r, v, Expect::Kind::success);
  s.expect.resumed = resumed;
  if (early_data) s.expect.early_data = early_data;
  if ((resumed || early_data) && s.expect.kind != Expect::Kind::success) {
    r.fail(v, "'resumed' and 'early_data' need expect: success");
  }
  return s;
}

std::string HandshakeStep::describe() const { return "handshake" + expecting(expect); }

Judgement HandshakeStep::run(StepContext& ctx) const {
  ctx.mark_handshake_started();
  const Connection& c = ctx.connection();
  return ctx.answer(expect, [&c] { return c.handshake_done() && !c.handshaking(); });
}

}  // namespace gauntlet::conformance
