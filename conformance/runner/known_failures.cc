#include "conformance/runner/known_failures.h"

#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

namespace gauntlet::conformance {

const KnownFailure* KnownFailures::match(const std::string& case_id) const {
  for (const auto& k : list) {
    if (fnmatch(k.pattern.c_str(), case_id.c_str(), FNM_NOESCAPE) == 0) return &k;
  }
  return nullptr;
}

Result<KnownFailures> load_known_failures(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return decode_error(path + ": no such file");
  const auto at = [&](const YAML::Node& n, const std::string& why) {
    return decode_error(path + ":" + std::to_string(n.Mark().line + 1) + ": " + why);
  };
  try {
    const YAML::Node root = YAML::LoadFile(path);
    if (!root.IsMap() || !root["target"]) return at(root, "an expectations file names its 'target'");
    for (const auto& kv : root) {
      const auto key = kv.first.as<std::string>();
      if (key != "target" && key != "known_failures") return at(kv.first, "unknown key '" + key + "'");
    }
    KnownFailures out;
    out.target = root["target"].as<std::string>();
    const YAML::Node list = root["known_failures"];
    if (list && !list.IsSequence()) return at(list, "'known_failures' is a list");
    for (const auto& n : list) {
      if (!n.IsMap() || !n["cases"] || !n["reason"]) {
        return at(n, "each known failure has 'cases' (a pattern) and 'reason'");
      }
      out.list.push_back({n["cases"].as<std::string>(), n["reason"].as<std::string>(),
                          {path, n.Mark().line + 1}});
    }
    return out;
  } catch (const YAML::Exception& e) {
    return decode_error(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

std::string outcome_name(Outcome o) {
  switch (o) {
    case Outcome::pass: return "pass";
    case Outcome::warning: return "warning";
    case Outcome::lenient: return "lenient";
    case Outcome::lenient_fail: return "FAIL (lenient)";
    case Outcome::fail: return "FAIL";
    case Outcome::known_failure: return "known failure";
    case Outcome::unexpected_pass: return "unexpected pass";
    case Outcome::not_delivered: return "not delivered";
    case Outcome::skip: return "skip";
    case Outcome::error: return "ERROR";
  }
  return "?";
}

Outcome classify(const CaseResult& r, const KnownFailures* known, bool lenient_ok) {
  if (r.verdict == Verdict::skip) return Outcome::skip;
  if (r.verdict == Verdict::not_delivered) return Outcome::not_delivered;
  const bool listed = known && known->match(r.id);
  const bool good = r.verdict == Verdict::pass || r.verdict == Verdict::warning ||
                    (lenient_ok && r.verdict == Verdict::lenient);
  if (listed) return good ? Outcome::unexpected_pass : Outcome::known_failure;
  if (r.verdict == Verdict::warning) return Outcome::warning;
  if (good) return r.verdict == Verdict::pass ? Outcome::pass : Outcome::lenient;
  if (r.verdict == Verdict::lenient) return Outcome::lenient_fail;
  if (r.verdict == Verdict::error) return Outcome::error;
  return Outcome::fail;
}

bool is_regression(Outcome o) {
  return o == Outcome::fail || o == Outcome::lenient_fail || o == Outcome::error;
}

}  // namespace gauntlet::conformance
