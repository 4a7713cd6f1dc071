// `--compare`: where targets that ran the same case judged it differently,
// side by side. A case one target skipped, could not deliver or could not
// run says nothing about how the two stacks behave, so only cases every
// target judged (pass, warning, lenient, fail) are compared.
#include <algorithm>
#include <cstdio>
#include <map>

#include "conformance/report/report.h"

namespace gauntlet::conformance {

namespace {

bool judged(Verdict v) {
  return v == Verdict::pass || v == Verdict::warning || v == Verdict::lenient || v == Verdict::fail;
}

// "target  verdict: what the SUT did" for each target, in run order.
std::string side_by_side(const std::vector<const CaseResult*>& row) {
  std::string out;
  for (const CaseResult* r : row) {
    char line[64];
    std::snprintf(line, sizeof line, "      %-16s %-8s ", r->target.c_str(),
                  verdict_name(r->verdict).c_str());
    out += line + r->response + "\n";
  }
  return out;
}

}  // namespace

std::string differential(const std::vector<Scored>& scored) {
  std::vector<std::string> ids;
  std::map<std::string, std::vector<const CaseResult*>> by_case;
  for (const Scored& s : scored) {
    auto [it, fresh] = by_case.try_emplace(s.result->id);
    if (fresh) ids.push_back(s.result->id);
    it->second.push_back(s.result);
  }
  // One block per scenario and way of differing; its variants listed once.
  std::vector<std::string> order;
  std::map<std::string, std::string> variants;
  size_t compared = 0, differ = 0;
  for (const std::string& id : ids) {
    const auto& row = by_case[id];
    const auto all = [&row](auto pred) { return std::ranges::all_of(row, pred); };
    if (row.size() < 2 || !all([](const CaseResult* r) { return judged(r->verdict); })) continue;
    ++compared;
    if (all([&row](const CaseResult* r) { return r->verdict == row[0]->verdict; })) continue;
    ++differ;
    const size_t at = id.find('[');
    const std::string key = id.substr(0, at) + "\n" + side_by_side(row);
    if (!variants.contains(key)) order.push_back(key);
    variants[key] += at == std::string::npos ? "" : id.substr(at);
  }
  std::string out = "differential: " + std::to_string(differ) + " of the " +
                    std::to_string(compared) + " cases every target judged differ\n";
  for (const std::string& key : order) {
    const size_t nl = key.find('\n');
    out += "  " + key.substr(0, nl) + " " + variants[key] + "\n" + key.substr(nl + 1);
  }
  return out;
}

}  // namespace gauntlet::conformance
