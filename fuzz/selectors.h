// What the leading selector byte of a parsing target means when a parser
// depends on the protocol version: its low two bits pick SSL 3.0, TLS 1.0,
// TLS 1.1 or TLS 1.2, the versions whose wire forms differ (RFC 6101,
// RFC 2246, RFC 4346, RFC 5246).
#pragma once

#include <cstdint>

#include "engine/registry/version.h"

namespace gauntlet::fuzz {

inline ProtocolVersion tls_version(uint8_t selector) {
  constexpr ProtocolVersion kVersions[] = {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                           ProtocolVersion::tls11, ProtocolVersion::tls12};
  return kVersions[selector & 3];
}

}  // namespace gauntlet::fuzz
