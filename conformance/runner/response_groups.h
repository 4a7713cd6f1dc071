// The same_response check: cases of one group, target, version and suite
// must all have drawn the same response (conformance-families.md: "identical
// response for all" Bleichenbacher probes). A case whose response differs
// from its group's first fails, whatever its own verdict.
#pragma once

#include <vector>

#include "conformance/runner/case_result.h"

namespace gauntlet::conformance {

void check_response_groups(std::vector<CaseResult>& results);

}  // namespace gauntlet::conformance
