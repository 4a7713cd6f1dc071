#include <fstream>
#include <map>

#include "conformance/report/report.h"

namespace gauntlet::conformance {

namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no control characters but tab and newlines.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += '?';
        else out += c;
    }
  }
  return out;
}

std::string transcript(const CaseResult& r) {
  std::string t;
  for (const auto& line : r.transcript) t += line + "\n";
  return t;
}

}  // namespace

// One <testsuite> per target, one <testcase> per case; a deviation is a
// <failure>, a SUT that could not be started, reached or used an <error>
// (JUnit's distinction, which CI systems show apart), skips and known
// failures <skipped> with their reason.
Status write_junit(const std::string& path, const std::vector<Scored>& scored) {
  std::map<std::string, std::vector<const Scored*>> by_target;
  for (const auto& s : scored) by_target[s.result->target].push_back(&s);
  std::ofstream f(path);
  if (!f) return internal_error("cannot write " + path);
  f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gauntlet\">\n";
  for (const auto& [target, list] : by_target) {
    int failures = 0, errors = 0, skipped = 0;
    double seconds = 0;
    for (const Scored* s : list) {
      errors += s->outcome == Outcome::error;
      failures += is_regression(s->outcome) && s->outcome != Outcome::error;
      skipped += s->outcome == Outcome::skip || s->outcome == Outcome::known_failure ||
                 s->outcome == Outcome::not_delivered;
      seconds += s->result->seconds;
    }
    f << "  <testsuite name=\"" << xml_escape(target) << "\" tests=\"" << list.size()
      << "\" failures=\"" << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\"" << seconds
      << "\">\n";
    for (const Scored* s : list) {
      const CaseResult& r = *s->result;
      f << "    <testcase classname=\"" << xml_escape(target + "." + r.id.substr(0, r.id.find('/')))
        << "\" name=\"" << xml_escape(r.id) << "\" time=\"" << r.seconds << "\"";
      if (is_regression(s->outcome)) {
        const char* tag = s->outcome == Outcome::error ? "error" : "failure";
        f << ">\n      <" << tag << " message=\"" << xml_escape(r.reason) << "\">"
          << xml_escape(r.where.to_string() + " (" + r.rfc + ")\n" +
                        (r.rule.empty() ? "" : "the RFC: " + r.rule + "\n") + transcript(r))
          << "</" << tag
          << ">\n    </testcase>\n";
      } else if (s->outcome == Outcome::skip || s->outcome == Outcome::known_failure ||
                 s->outcome == Outcome::not_delivered) {
        const std::string why = s->outcome == Outcome::known_failure
                                    ? "known failure: " + s->known_reason
                                    : s->outcome == Outcome::skip ? r.reason : "not delivered: " + r.reason;
        f << ">\n      <skipped message=\"" << xml_escape(why) << "\"/>\n    </testcase>\n";
      } else {
        f << "/>\n";
      }
    }
    f << "  </testsuite>\n";
  }
  f << "</testsuites>\n";
  return f ? ok_status() : Status(internal_error("cannot write " + path));
}

}  // namespace gauntlet::conformance
