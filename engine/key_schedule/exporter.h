// Keying material exporters for TLS 1.0–1.2 (RFC 5705 §4), over the PRF of
// the negotiated version. TLS 1.3's exporter is tls13_export.
#pragma once

#include <optional>
#include <string_view>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/hash.h"
#include "engine/registry/version.h"

namespace gauntlet {

// PRF(master_secret, label, client_random + server_random
//     [+ context_value_length + context_value])[length].
// A context, even an empty one, is not the same as none (RFC 5705 §4).
// internal_error for SSL 3.0 (no exporter), a context over 2^16-1 bytes, and
// the labels the handshake itself uses (RFC 5705 §4 reserves them).
Result<Bytes> export_keying_material(ProtocolVersion version, HashAlgorithm prf_hash,
                                     ByteView master_secret, ByteView client_random,
                                     ByteView server_random, std::string_view label,
                                     std::optional<ByteView> context, size_t length);

}  // namespace gauntlet
