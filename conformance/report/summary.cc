#include <cstdio>
#include <map>

#include "conformance/report/report.h"

namespace gauntlet::conformance {

namespace {

constexpr Outcome kColumns[] = {Outcome::pass,          Outcome::lenient,         Outcome::fail,
                                Outcome::known_failure, Outcome::unexpected_pass, Outcome::skip,
                                Outcome::error};

std::string cell(const std::string& s, int width) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%*s", width, s.c_str());
  return buf;
}

}  // namespace

std::string summary_table(const std::vector<Scored>& scored) {
  struct Row {
    std::map<Outcome, int> counts;
    int total = 0;
    double seconds = 0;
  };
  std::vector<std::string> order;
  std::map<std::string, Row> rows;
  for (const auto& s : scored) {
    if (!rows.contains(s.result->target)) order.push_back(s.result->target);
    Row& row = rows[s.result->target];
    // A wrong alert shows as lenient in either kind of run; the list below
    // says when it was a regression.
    ++row.counts[s.outcome == Outcome::lenient_fail ? Outcome::lenient : s.outcome];
    ++row.total;
    row.seconds += s.result->seconds;
  }
  std::string out = cell("target", -14) + cell("cases", 7);
  for (const Outcome o : kColumns) out += cell(outcome_name(o), 16);
  out += cell("case-seconds", 14) + "\n";
  for (const auto& name : order) {
    const Row& row = rows[name];
    out += cell(name, -14) + cell(std::to_string(row.total), 7);
    for (const Outcome o : kColumns) out += cell(std::to_string(row.counts.contains(o) ? row.counts.at(o) : 0), 16);
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.1f", row.seconds);
    out += cell(secs, 14) + "\n";
  }
  for (const auto& s : scored) {
    if (is_regression(s.outcome) || s.outcome == Outcome::unexpected_pass) {
      out += outcome_name(s.outcome) + " " + s.result->target + " " + s.result->id + "\n    " +
             (s.outcome == Outcome::unexpected_pass ? "listed as failing: " + s.known_reason
                                                    : s.result->reason) +
             "\n";
    }
  }
  return out;
}

}  // namespace gauntlet::conformance
