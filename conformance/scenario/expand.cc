#include "conformance/scenario/expand.h"

#include "engine/connection/negotiation.h"
#include "engine/crypto/ssl2_cipher.h"

namespace gauntlet::conformance {

std::string Case::cipher_name() const {
  return ssl2_kind ? openssl_name(*ssl2_kind) : openssl_name(suite);
}

std::string Case::id() const {
  return scenario->id() + "[" + openssl_name(version) + "," + cipher_name() + "]";
}

std::vector<Case> expand(const std::vector<Scenario>& scenarios) {
  std::vector<Case> cases;
  for (const Scenario& s : scenarios) {
    for (const ProtocolVersion v : s.versions) {
      if (v == ProtocolVersion::ssl2) {
        for (const Ssl2CipherKind k : s.ssl2_kinds)
          if (ssl2_cipher_available(k)) cases.push_back({&s, v, CipherSuite::null_with_null_null, k});
        continue;
      }
      for (const CipherSuite suite : s.suites) {
        if (!suite_usable(*cipher_suite_info(suite), v)) continue;
        cases.push_back({&s, v, suite});
      }
    }
  }
  return cases;
}

}  // namespace gauntlet::conformance
