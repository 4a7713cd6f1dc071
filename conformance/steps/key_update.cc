// `key_update`: a TLS 1.3 KeyUpdate from our side (RFC 8446 §4.6.3) —
// `not_requested` (the default), `requested` (the SUT must answer with its
// own, §4.6.3 "MUST send a KeyUpdate with request_update set to
// update_not_requested"), or a number: the request_update byte as written,
// which a receiver must refuse with illegal_parameter; `repeat` sends several.
#include "conformance/steps/step_context.h"
#include "engine/messages/framing/handshake_message.h"

namespace gauntlet::conformance {

namespace {

uint8_t request_byte(const YamlReader& r, const YAML::Node& n) {
  if (n.IsScalar() && r.text(n) == "requested") return 1;
  if (n.IsScalar() && r.text(n) == "not_requested") return 0;
  return static_cast<uint8_t>(r.integer(n, 0xff));
}

}  // namespace

KeyUpdateStep KeyUpdateStep::parse(const YamlReader& r, const YAML::Node& v) {
  KeyUpdateStep s;
  if (v.IsMap()) {
    r.only_keys(v, {"request", "repeat", "expect", "accept"});
    if (v["request"]) s.request = request_byte(r, v["request"]);
    if (v["repeat"]) s.repeat = static_cast<int>(r.integer(v["repeat"], 10000));
  } else {
    s.request = request_byte(r, v);
  }
  // Unless the step says otherwise: a request is answered with the SUT's own
  // KeyUpdate, a bad value refused, anything else leaves the connection up.
  const Expect::Kind kind = s.request == 1   ? Expect::Kind::message
                            : s.request > 1 ? Expect::Kind::alert
                                            : Expect::Kind::nothing;
  if (v.IsMap()) {
    s.expect = read_expectation(r, v, kind);
  } else {
    s.expect.kind = kind;
  }
  if (s.expect.kind == Expect::Kind::message && !s.expect.message) {
    s.expect.message = HandshakeType::key_update;
  }
  if (s.expect.kind == Expect::Kind::alert && s.expect.alerts.empty()) {
    s.expect.alerts = {AlertDescription::illegal_parameter};
  }
  return s;
}

std::string KeyUpdateStep::describe() const {
  const std::string what = request == 0   ? "update_not_requested"
                           : request == 1 ? "update_requested"
                                          : "request_update " + std::to_string(request);
  return "KeyUpdate " + what + (repeat > 1 ? " x" + std::to_string(repeat) : "") +
         expecting(expect);
}

Judgement KeyUpdateStep::run(StepContext& ctx) const {
  Connection& c = ctx.connection();
  if (!c.handshake_done() || c.negotiated().version != ProtocolVersion::tls13) {
    return {Verdict::error, "a KeyUpdate needs a completed TLS 1.3 handshake"};
  }
  ctx.forget_messages();
  for (int i = 0; i < repeat; ++i) {
    // A value outside the enum is sent as written, under our current key.
    const auto st = request <= 1
                        ? c.update_keys(static_cast<KeyUpdateRequest>(request))
                        : c.send_record(ContentType::handshake,
                                        HandshakeMessage{HandshakeType::key_update, {request}}
                                            .serialize());
    if (!st) return {Verdict::fail, "our side could not send the KeyUpdate: " + st.error().reason};
  }
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
