// `reconnect`: a new connection to the SUT, offering the last session
// unless `resume: false`; `bugs`, `suites`, `min_version`, `max_version`
// and `extended_master_secret` change that connection only.
#include "conformance/scenario/setting_keys.h"
#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

ReconnectStep ReconnectStep::parse(const YamlReader& r, const YAML::Node& v) {
  ReconnectStep s;
  if (v.IsMap()) {
    r.only_keys(v, {"resume", "bugs", "suites", "min_version", "max_version", "extended_master_secret"});
    if (v["resume"]) s.resume = r.boolean(v["resume"]);
    if (v["bugs"]) s.bugs = read_settings(r, v["bugs"], bugs_keys(), "'bugs'");
    if (v["suites"]) s.suites = r.suites(v["suites"]);
    if (v["min_version"]) s.min_version = r.version(v["min_version"]);
    if (v["max_version"]) s.max_version = r.version(v["max_version"]);
    if (v["extended_master_secret"]) s.extended_master_secret = r.boolean(v["extended_master_secret"]);
  } else if (!v.IsNull()) {
    r.fail(v, "'reconnect' takes nothing or {resume, bugs, suites, min_version, max_version, "
              "extended_master_secret}");
  }
  return s;
}

std::string ReconnectStep::describe() const {
  return resume ? "reconnect with the session" : "reconnect";
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
