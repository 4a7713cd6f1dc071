// A scenario over its versions and suites becomes cases: one (version, suite)
// pair each, where the suite exists in that version (RFC 5246 appendix A.5,
// RFC 5288 §4: AEAD and SHA-256 suites are TLS 1.2 only).
#pragma once

#include <string>
#include <vector>

#include "conformance/scenario/scenario.h"

namespace gauntlet::conformance {

struct Case {
  const Scenario* scenario = nullptr;
  ProtocolVersion version = ProtocolVersion::tls12;
  CipherSuite suite = CipherSuite::null_with_null_null;

  // "records/flip-mac[TLSv1.2,AES128-SHA]"
  std::string id() const;
};

std::vector<Case> expand(const std::vector<Scenario>& scenarios);

}  // namespace gauntlet::conformance
