#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "conformance/report/report.h"

namespace gauntlet::conformance {

namespace {

constexpr Outcome kColumns[] = {Outcome::pass,          Outcome::warning,
                                Outcome::lenient,       Outcome::fail,
                                Outcome::known_failure, Outcome::unexpected_pass,
                                Outcome::not_delivered, Outcome::skip,
                                Outcome::error};

std::string cell(const std::string& s, int width) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%*s", width, s.c_str());
  return buf;
}

// "records/bad-mac" of "records/bad-mac[TLSv1.2,AES128-SHA]", and the rest.
std::pair<std::string, std::string> scenario_and_variant(const std::string& id) {
  const size_t at = id.find('[');
  if (at == std::string::npos) return {id, ""};
  return {id.substr(0, at), id.substr(at)};
}

// The first sentence of a description, for a one-line meaning.
std::string first_sentence(const std::string& text) {
  const size_t end = text.find(". ");
  std::string out = end == std::string::npos ? text : text.substr(0, end + 1);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string block_reason(const Scored& s) {
  return s.outcome == Outcome::unexpected_pass ? "listed as failing: " + s.known_reason : s.result->reason;
}

// One block per scenario, target and outcome (one root cause, read once):
// its RFC section, meaning and the RFC's sentence, then each distinct
// reason with the versions and suites that drew it. Warnings get blocks
// too, after the regressions they are reported apart from.
std::string failure_blocks(const std::vector<Scored>& scored) {
  struct Block {
    const Scored* first;
    std::vector<std::pair<std::string, std::vector<std::string>>> reasons = {};  // reason, variants
    size_t cases = 0;
  };
  std::vector<std::tuple<Outcome, std::string, std::string>> order;
  std::map<std::tuple<Outcome, std::string, std::string>, Block> blocks;
  for (const auto& s : scored) {
    const bool listed = is_regression(s.outcome) || s.outcome == Outcome::unexpected_pass ||
                        s.outcome == Outcome::warning;
    if (!listed) continue;
    const auto [scenario, variant] = scenario_and_variant(s.result->id);
    const auto key = std::tuple{s.outcome, s.result->target, scenario};
    auto [it, fresh] = blocks.try_emplace(key, Block{&s});
    if (fresh) order.push_back(key);
    Block& b = it->second;
    ++b.cases;
    const std::string reason = block_reason(s);
    auto r = std::ranges::find(b.reasons, reason, &std::pair<std::string, std::vector<std::string>>::first);
    if (r == b.reasons.end()) r = b.reasons.insert(b.reasons.end(), {reason, {}});
    r->second.push_back(variant);
  }
  std::ranges::stable_partition(order, [](const auto& k) { return std::get<0>(k) != Outcome::warning; });
  std::string out;
  for (const auto& key : order) {
    const Block& b = blocks.at(key);
    const CaseResult& r = *b.first->result;
    out += outcome_name(std::get<0>(key)) + " " + std::get<1>(key) + " " + std::get<2>(key) + " (" +
           std::to_string(b.cases) + (b.cases == 1 ? " case" : " cases") +
           (r.rfc.empty() ? "" : "; " + r.rfc) + ")\n";
    if (!r.description.empty()) out += "    " + first_sentence(r.description) + "\n";
    if (!r.rule.empty()) out += "    the RFC: " + r.rule + "\n";
    for (const auto& [reason, variants] : b.reasons) {
      std::string where;
      for (const auto& v : variants) where += v;
      out += "    " + where + " " + reason + "\n";
    }
  }
  return out;
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
  return out + failure_blocks(scored);
}

}  // namespace gauntlet::conformance
