// Expectations files (conformance/expectations/<target>.yaml): the cases
// known to fail against a target and why, so a run against someone else's
// stack stays green until something changes. A listed case that passes is
// an "unexpected pass", reported as such.
//
//   target: openssl
//   known_failures:
//     - cases: "records/oversized-*[TLSv1,*"   # fnmatch(3) over case ids
//       reason: "OpenSSL answers with decode_error"
#pragma once

#include <string>
#include <vector>

#include "conformance/runner/case_result.h"
#include "engine/base/error.h"

namespace gauntlet::conformance {

struct KnownFailure {
  std::string pattern;
  std::string reason;
  SourceLine where;
};

struct KnownFailures {
  std::string target;
  std::vector<KnownFailure> list;
  const KnownFailure* match(const std::string& case_id) const;
};

Result<KnownFailures> load_known_failures(const std::string& path);

// A result as the run counts it.
// `lenient_fail`: refused, but not with the alert the RFC names, in a
// strict run, where that is a regression; `lenient` the same in a lenient run.
// `not_delivered`: the case's deviation never reached the wire, so it was
// not judged; neither a regression nor a pass, listed or not.
// `warning`: what the RFC permits against a SHOULD; reported, never a regression.
enum class Outcome {
  pass,
  warning,
  lenient,
  lenient_fail,
  fail,
  known_failure,
  unexpected_pass,
  not_delivered,
  skip,
  error,
};

std::string outcome_name(Outcome o);
// `lenient_ok`: a refusal with another alert than the RFC's counts as a pass.
Outcome classify(const CaseResult& r, const KnownFailures* known, bool lenient_ok);
bool is_regression(Outcome o);

}  // namespace gauntlet::conformance
