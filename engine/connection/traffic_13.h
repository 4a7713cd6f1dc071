// A TLS 1.3 traffic secret made the record protection of one direction
// (RFC 8446 §7.3): the handshake's key changes and KeyUpdate's (§4.6.3) use
// the same derivation. What we write is padded as Config::tls13_padding says
// (§5.4).
#pragma once

#include <memory>

#include "engine/base/error.h"
#include "engine/connection/handshake_link.h"
#include "engine/record/protection.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet {

// In fuzzer mode (Config::fuzzer_mode) the same records without the AEAD
// (protection_tls13_null.h).
Result<std::unique_ptr<RecordProtection>> tls13_protection(const Link& link,
                                                           const CipherSuiteInfo& suite,
                                                           ByteView traffic_secret);

}  // namespace gauntlet
