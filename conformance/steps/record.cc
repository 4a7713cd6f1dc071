// `record`: a record of our choosing — its type, its body (`body` hex,
// `data` text, or `size` bytes of `fill`) — sealed by our record layer, or
// `raw: true`: unprotected, with its own header `version`.
#include "conformance/steps/step_context.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {

RecordStep RecordStep::parse(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "'record'");
  r.only_keys(v, {"type", "body", "data", "size", "fill", "raw", "version", "repeat", "expect"});
  if (!v["type"]) r.fail(v, "'record' needs a 'type'");
  RecordStep s;
  s.type = r.wire_or_named(v["type"], &content_type_from_name, "content type", 0xff);
  if (v["body"]) s.body = r.hex(v["body"]);
  if (v["data"]) {
    const std::string d = r.text(v["data"]);
    s.body.assign(d.begin(), d.end());
  }
  if (v["size"]) {
    s.body.assign(r.integer(v["size"], 1 << 20),
                  static_cast<uint8_t>(v["fill"] ? r.integer(v["fill"], 0xff) : 0));
  }
  if (v["raw"]) s.raw = r.boolean(v["raw"]);
  if (v["version"]) s.version = static_cast<uint16_t>(r.integer(v["version"], 0xffff));
  if (s.version && !s.raw) r.fail(v, "'version' needs raw: true");
  if (s.body.size() > (s.raw ? 0xffff : 1 << 14)) {
    r.fail(v, "a record body holds at most 2^14 bytes, or 65535 when raw");
  }
  if (v["repeat"]) s.repeat = static_cast<int>(r.integer(v["repeat"], 10000));
  s.expect = read_expectation(r, v, Expect::Kind::nothing);
  return s;
}

std::string RecordStep::describe() const {
  return std::string(raw ? "raw " : "") + iana_name(type) + " record of " +
         std::to_string(body.size()) + " bytes" +
         (repeat > 1 ? " x" + std::to_string(repeat) : "") + expecting(expect);
}

Judgement RecordStep::run(StepContext& ctx) const {
  Connection& c = ctx.connection();
  for (int i = 0; i < repeat; ++i) {
    if (raw) {
      // Raw bytes go straight to the wire, ahead of a hello not yet sent.
      if (ctx.handshake_started()) (void)ctx.flush();
      const uint16_t v = version.value_or(static_cast<uint16_t>(
          c.handshake_done() ? c.negotiated().version : ProtocolVersion::tls10));
      if (auto st = ctx.send_raw(write_record(type, static_cast<ProtocolVersion>(v), body)); !st) {
        return {Verdict::fail, st.error().reason};
      }
    } else if (auto st = c.send_record(type, body); !st) {
      return {Verdict::fail, "could not seal the record: " + st.error().reason};
    }
  }
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
