// `reconnect`: a new connection to the SUT, offering the last session
// unless `resume: false`; `bugs`, `suites`, `min_version`, `max_version`
// and `extended_master_secret` change that connection only. TLS 1.3 0-RTT
// (RFC 8446 §4.2.10): `early_data` (text, {hex}, {size: N} or {size:
// over_limit}, one byte past the ticket's max_early_data_size) is sent
// with the ticket; `replay: true` sends the last such connection's
// ClientHello and early data again, byte for byte (§8); `same_ticket:
// true` with `early_data` offers the ticket the last 0-RTT connection
// offered again, in a fresh ClientHello (§8.1); our server takes
// `max_early_data` bytes of 0-RTT data on it, 0: none.
#include "conformance/scenario/setting_keys.h"
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

namespace {

EarlyDataOffer read_early_data(const YamlReader& r, const YAML::Node& v) {
  EarlyDataOffer o;
  if (v.IsScalar()) {
    const std::string d = r.text(v);
    o.data.assign(d.begin(), d.end());
  } else {
    r.require_map(v, "'early_data'");
    r.only_keys(v, {"hex", "size"});
    if (v["hex"]) {
      o.data = r.hex(v["hex"]);
    } else if (v["size"] && r.text(v["size"]) == "over_limit") {
      o.over_limit = true;
    } else if (v["size"]) {
      o.data.assign(r.integer(v["size"], 1 << 20), 'x');
    } else {
      r.fail(v, "'early_data' is text, {hex} or {size: N or over_limit}");
    }
  }
  if (o.data.empty() && !o.over_limit) r.fail(v, "'early_data' needs at least one byte");
  return o;
}

}  // namespace

ReconnectStep ReconnectStep::parse(const YamlReader& r, const YAML::Node& v) {
  ReconnectStep s;
  if (v.IsMap()) {
    r.only_keys(v, {"resume", "bugs", "suites", "min_version", "max_version", "extended_master_secret",
                    "early_data", "replay", "same_ticket", "max_early_data"});
    if (v["resume"]) s.resume = r.boolean(v["resume"]);
    if (v["bugs"]) s.bugs = read_settings(r, v["bugs"], bugs_keys(), "'bugs'");
    if (v["suites"]) s.suites = r.suites(v["suites"]);
    if (v["min_version"]) s.min_version = r.version(v["min_version"]);
    if (v["max_version"]) s.max_version = r.version(v["max_version"]);
    if (v["extended_master_secret"]) s.extended_master_secret = r.boolean(v["extended_master_secret"]);
    if (v["early_data"]) s.early_data = read_early_data(r, v["early_data"]);
    if (v["replay"]) s.replay = r.boolean(v["replay"]);
    if (v["same_ticket"]) s.same_ticket = r.boolean(v["same_ticket"]);
    if (v["max_early_data"]) {
      s.max_early_data = static_cast<uint32_t>(r.integer(v["max_early_data"], 0xffffffff));
    }
    if ((s.early_data || s.replay) && !s.resume) r.fail(v, "0-RTT data needs the session resumed");
    if (s.replay && (s.early_data || s.same_ticket || s.changes_config())) {
      r.fail(v, "'replay' repeats a connection as it was: it takes no other changes");
    }
    if (s.same_ticket && !s.early_data) {
      r.fail(v, "'same_ticket' offers the last 0-RTT ticket with new 0-RTT data: it needs 'early_data'");
    }
  } else if (!v.IsNull()) {
    r.fail(v, "'reconnect' takes nothing or {resume, bugs, suites, min_version, max_version, "
              "extended_master_secret, early_data, replay, same_ticket, max_early_data}");
  }
  return s;
}

std::string ReconnectStep::describe() const {
  if (replay) return "reconnect replaying the last 0-RTT ClientHello and its early data";
  std::string out = !resume       ? "reconnect"
                    : same_ticket ? "reconnect with the last 0-RTT ticket again, in a fresh ClientHello"
                                  : "reconnect with the session";
  if (early_data && early_data->over_limit) {
    out += ", 0-RTT data one byte over the ticket's max_early_data_size";
  } else if (early_data) {
    out += ", " + std::to_string(early_data->data.size()) + " bytes of 0-RTT data";
  }
  return out;
}

// Opening the connection is the whole step: what the SUT answers is the
// next step's to judge.
Judgement ReconnectStep::run(StepContext& ctx) const {
  if (auto st = ctx.reconnect(*this); !st) {
    return {Verdict::error, "could not reconnect: " + st.error().reason};
  }
  return {Verdict::pass, ""};
}

}  // namespace gauntlet::conformance
