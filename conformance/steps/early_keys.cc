#include "conformance/steps/early_keys.h"

namespace gauntlet::conformance {

bool read_early_keys(const YamlReader& r, const YAML::Node& step) {
  if (!step["keys"]) return false;
  if (r.text(step["keys"]) != "early") r.fail(step["keys"], "'keys' is 'early'");
  return true;
}

bool early_keys_ready(StepContext& ctx) {
  if (ctx.connection().sending_early_data()) return true;
  ctx.not_delivered("our side was not sending 0-RTT data (no ticket allowing it was offered)");
  return false;
}

}  // namespace gauntlet::conformance
