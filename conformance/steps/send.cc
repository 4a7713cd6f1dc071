// `send`: application data of our choosing, `data` (text) or `hex`;
// `keys: early` sends it as TLS 1.3 0-RTT data (steps/early_keys.h).
#include "conformance/steps/early_keys.h"

namespace gauntlet::conformance {

SendStep SendStep::parse(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "'send'");
  r.only_keys(v, {"data", "hex", "keys", "expect", "accept"});
  SendStep s;
  if (v["data"]) {
    const std::string d = r.text(v["data"]);
    s.data.assign(d.begin(), d.end());
  } else if (v["hex"]) {
    s.data = r.hex(v["hex"]);
  } else {
    r.fail(v, "'send' needs 'data' or 'hex'");
  }
  s.early_keys = read_early_keys(r, v);
  s.joins_flight = joins_the_flight(s.early_keys, v);
  s.expect = read_expectation(r, v, Expect::Kind::nothing);
  return s;
}

std::string SendStep::describe() const {
  return "send " + std::to_string(data.size()) + " bytes" +
         (early_keys ? std::string(kUnderEarlyKeys) : "") +
         (joins_flight ? std::string(kWithTheFlight) : expecting(expect));
}

Judgement SendStep::run(StepContext& ctx) const {
  if (early_keys && !early_keys_ready(ctx)) return {Verdict::pass, ""};
  // 0-RTT data is written before the handshake allows application data.
  Connection& c = ctx.connection();
  if (auto st = early_keys ? c.send_record(ContentType::application_data, data) : c.write(data);
      !st) {
    return {Verdict::fail, "could not send: " + st.error().reason};
  }
  if (joins_flight) return {Verdict::pass, ""};
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
