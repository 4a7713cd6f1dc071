#include <fstream>
#include <nlohmann/json.hpp>

#include "conformance/report/report.h"

namespace gauntlet::conformance {

Status write_json(const std::string& path, const std::vector<Scored>& scored,
                  const std::vector<std::string>& profiles) {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& s : scored) {
    const CaseResult& r = *s.result;
    cases.push_back({{"target", r.target},
                     {"id", r.id},
                     {"where", r.where.to_string()},
                     {"rfc", r.rfc},
                     {"rule", r.rule},
                     {"verdict", verdict_name(r.verdict)},
                     {"outcome", outcome_name(s.outcome)},
                     {"reason", r.reason},
                     {"known_reason", s.known_reason},
                     {"seconds", r.seconds},
                     {"transcript", r.transcript}});
  }
  std::ofstream f(path);
  if (!f) return internal_error("cannot write " + path);
  nlohmann::json found = nlohmann::json::array();
  for (const std::string& p : profiles) found.push_back(nlohmann::json::parse(p));
  f << nlohmann::json{{"profiles", found}, {"cases", cases}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
    << "\n";
  return f ? ok_status() : Status(internal_error("cannot write " + path));
}

}  // namespace gauntlet::conformance
