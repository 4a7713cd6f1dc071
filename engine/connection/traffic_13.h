// A TLS 1.3 traffic secret made the record protection of one direction
// (RFC 8446 §7.3): the handshake's key changes and KeyUpdate's (§4.6.3) use
// the same derivation.
#pragma once

#include <memory>

#include "engine/base/error.h"
#include "engine/record/protection.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet {

// Null protection in fuzzer mode (Config::fuzzer_mode), as every key change is.
Result<std::unique_ptr<RecordProtection>> tls13_protection(const CipherSuiteInfo& suite,
                                                           ByteView traffic_secret,
                                                           bool fuzzer_mode);

}  // namespace gauntlet
