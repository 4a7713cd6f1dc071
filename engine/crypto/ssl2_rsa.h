// RSA key transport of the SSL 2.0 CLIENT-MASTER-KEY (SSL 2.0 spec §2.5:
// SECRET-KEY-DATA in a PKCS#1 v1.5 type 2 block) with the SSLv2-to-SSL 3.0
// rollback guard of RFC 6101 appendix E.2: a client that also speaks SSL 3.0
// or later ends the padding with 8 bytes of 0x03, so that a server that
// does too knows an attacker forced both down to SSL 2.0.
#pragma once

#include <cstddef>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/random.h"

namespace gauntlet {

// Whether the client marks its block (RFC 6101 E.2): true when it would
// also have accepted SSL 3.0 or later.
enum class Ssl2RollbackGuard { absent, present };

// What a server does with the guard: one that speaks only SSL 2.0 ignores
// it, one that also speaks SSL 3.0 or later rejects it.
enum class Ssl2GuardCheck { ignore, reject };

constexpr size_t kSsl2RollbackPaddingSize = 8;

// 00 || 02 || PS || 00 || secret, PS non-zero bytes drawn from `random`
// (the last 8 set to 0x03 with the guard), then raw RSA.
Result<Bytes> rsa_encrypt_ssl2_secret(const PublicKey& key, ByteView secret,
                                      Ssl2RollbackGuard guard, RandomSource& random);

// What a server does with ENCRYPTED-KEY-DATA: the secret, exactly as long
// as random_secret (the cipher kind fixes the length), or random_secret when
// anything is wrong — the padding, a secret of another length, and, when
// the check is reject, the 8 bytes of 0x03.
// All judged in constant time, so that neither a Bleichenbacher or DROWN
// oracle nor the rollback check shows in timing or in the answer: the
// failure surfaces as CLIENT-FINISHED and SERVER-VERIFY failing, as for a
// bad TLS premaster (RFC 5246 §7.4.7.1). internal_error when the modulus is
// too short for the secret or the key is not RSA.
Result<Bytes> rsa_decrypt_ssl2_secret(const PrivateKey& key, ByteView encrypted,
                                      ByteView random_secret, Ssl2GuardCheck check);

}  // namespace gauntlet
