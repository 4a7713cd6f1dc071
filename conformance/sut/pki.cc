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

}  // namespace gauntlet::conformance
