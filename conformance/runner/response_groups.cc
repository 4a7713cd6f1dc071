#include "conformance/runner/response_groups.h"

#include <map>

namespace gauntlet::conformance {

void check_response_groups(std::vector<CaseResult>& results) {
  std::map<std::pair<std::string, std::string>, const CaseResult*> first;
  for (CaseResult& r : results) {
    if (r.group.empty() || r.verdict == Verdict::skip || r.verdict == Verdict::error ||
        r.verdict == Verdict::not_delivered) continue;
    const auto [it, fresh] = first.try_emplace({r.target, r.group}, &r);
    if (fresh || it->second->response == r.response) continue;
    r.verdict = Verdict::fail;
    r.reason = "the response differs within " + r.group + ": «" + r.response + "», where " +
               it->second->id + " drew «" + it->second->response + "»";
  }
}

}  // namespace gauntlet::conformance
