// The TLS pseudo-random functions, written by us over HMAC.
#pragma once

#include <string_view>

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"

namespace gauntlet {

// P_hash of RFC 5246 §5.
Bytes p_hash(HashAlgorithm h, ByteView secret, ByteView seed, size_t length);

// TLS 1.0/1.1 PRF (RFC 2246 §5): P_MD5 over the first half of the secret XOR
// P_SHA-1 over the second half (halves overlap by one byte when odd).
Bytes prf_tls10(ByteView secret, std::string_view label, ByteView seed, size_t length);

// TLS 1.2 PRF (RFC 5246 §5): P_hash with the suite's hash (SHA-256 or SHA-384).
Bytes prf_tls12(HashAlgorithm h, ByteView secret, std::string_view label, ByteView seed,
                size_t length);

}  // namespace gauntlet
