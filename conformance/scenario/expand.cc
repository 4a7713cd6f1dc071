#include "conformance/scenario/expand.h"

#include "engine/connection/negotiation.h"

namespace gauntlet::conformance {

std::string Case::id() const {
  return scenario->id() + "[" + openssl_name(version) + "," + openssl_name(suite) + "]";
}

std::vector<Case> expand(const std::vector<Scenario>& scenarios) {
  std::vector<Case> cases;
  for (const Scenario& s : scenarios) {
    for (const ProtocolVersion v : s.versions) {
      for (const CipherSuite suite : s.suites) {
        if (!suite_usable(*cipher_suite_info(suite), v)) continue;
        cases.push_back({&s, v, suite});
      }
    }
  }
  return cases;
}

}  // namespace gauntlet::conformance
