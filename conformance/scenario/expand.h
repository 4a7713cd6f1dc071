// A scenario over its versions and suites becomes cases: one (version, suite)
// pair each, where the suite exists in that version (RFC 5246 appendix A.5,
// RFC 5288 §4: AEAD and SHA-256 suites are TLS 1.2 only). SSL 2.0 has cipher
// kinds instead of suites (SSL 2.0 spec appendix A.3): an SSL 2.0 case is one
// kind, where this libcrypto has it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conformance/scenario/scenario.h"

namespace gauntlet::conformance {

struct Case {
  const Scenario* scenario = nullptr;
  ProtocolVersion version = ProtocolVersion::tls12;
  CipherSuite suite = CipherSuite::null_with_null_null;  // below TLS 1.3, not SSL 2.0
  std::optional<Ssl2CipherKind> ssl2_kind = {};          // SSL 2.0 only

  // "AES128-SHA", or the SSL 2.0 kind's "RC4-MD5".
  std::string cipher_name() const;
  // "records/flip-mac[TLSv1.2,AES128-SHA]"
  std::string id() const;
  // The SUT must speak SSL 2.0; a case probing whether it does
  // (`negotiates_version`) runs against any stack.
  bool needs_ssl2() const { return version == ProtocolVersion::ssl2 && !scenario->negotiates_version; }
};

std::vector<Case> expand(const std::vector<Scenario>& scenarios);

}  // namespace gauntlet::conformance
