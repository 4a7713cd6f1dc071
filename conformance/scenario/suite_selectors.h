// The cipher suites a scenario expands over, by name or by selector:
//   "ECDHE-RSA-AES128-GCM-SHA256"  one suite (IANA or OpenSSL name)
//   "default"                     a CBC and an AEAD suite per key exchange
//   "kx:ecdhe_rsa"                those of one key exchange
//   "cipher:cbc"                  CBC, AEAD, stream or NULL representatives
//   "all"                         every suite the engine implements
#pragma once

#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet::conformance {

Result<std::vector<CipherSuite>> resolve_suite_selector(const std::string& selector);

}  // namespace gauntlet::conformance
