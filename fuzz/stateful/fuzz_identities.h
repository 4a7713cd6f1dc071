// The RSA, ECDSA and DSA identities the stateful fuzz targets use, compiled
// in so the targets run anywhere (OSS-Fuzz included) without data files.
#pragma once

#include <vector>

#include "engine/connection/config.h"

namespace gauntlet::fuzzing {

// RSA, ECDSA, DSA: the client offers the first for client authentication.
const std::vector<Identity>& fuzz_identities();
// ECDSA, RSA, DSA: a TLS 1.3 server signs each full handshake with the first
// identity that has a scheme the client offers (RFC 8446 §4.2.3, §4.4.3),
// and a P-256 signature costs a fraction of an RSA one; RSA still signs for
// a client that offers no ECDSA scheme. Below TLS 1.3 the suite picks the
// key type, so the order changes nothing there.
const std::vector<Identity>& server_identities();

}  // namespace gauntlet::fuzzing
