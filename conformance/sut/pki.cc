#include "conformance/sut/pki.h"

namespace gauntlet::conformance {

std::string identity_for(CipherSuite suite) {
  switch (cipher_suite_info(suite)->key_exchange) {
    case KeyExchange::ecdhe_ecdsa:
      return "server-ecdsa";
    case KeyExchange::dhe_dss:
      return "server-dsa";
    default:
      return "server-rsa";
  }
}

Result<std::shared_ptr<const TrustStore>> ssl2_trust(const Pki& pki) {
  auto trust = std::make_shared<TrustStore>();
  for (const std::string& file : {pki.root(), pki.intermediate()}) {
    if (auto st = trust->add_file(file); !st) return st.error();
  }
  return std::shared_ptr<const TrustStore>(std::move(trust));
}

}  // namespace gauntlet::conformance
