// The SSL 3.0–TLS 1.2 key schedule: master secret (RFC 5246 §8.1, RFC 6101
// §6.1), extended master secret (RFC 7627 §4), key block (RFC 5246 §6.3) and
// Finished verify_data (RFC 5246 §7.4.9, RFC 6101 §5.6.9), each in the form
// the version uses.
#pragma once

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"
#include "engine/registry/version.h"

namespace gauntlet {

constexpr size_t kMasterSecretSize = 48;

enum class Sender { client, server };

// The PRF of a version: SSL 3.0's, TLS 1.0/1.1's MD5⊕SHA-1, or TLS 1.2's
// with the suite's hash. SSL 3.0 has no labels; `label` is ignored there.
Bytes version_prf(ProtocolVersion version, HashAlgorithm prf_hash, ByteView secret,
                  std::string_view label, ByteView seed, size_t length);

Bytes master_secret(ProtocolVersion version, HashAlgorithm prf_hash, ByteView premaster,
                    ByteView client_random, ByteView server_random);

// RFC 7627 §3: the hash of the handshake up to and including
// ClientKeyExchange — MD5||SHA-1 before TLS 1.2, the PRF hash in TLS 1.2.
Bytes session_hash(ProtocolVersion version, HashAlgorithm prf_hash, const Transcript& transcript);

Bytes extended_master_secret(ProtocolVersion version, HashAlgorithm prf_hash, ByteView premaster,
                             ByteView session_hash);

// Note the seed order: server_random + client_random.
Bytes key_block(ProtocolVersion version, HashAlgorithm prf_hash, ByteView master,
                ByteView client_random, ByteView server_random, size_t length);

// verify_data over the transcript so far: 36 bytes in SSL 3.0, else 12.
Bytes finished_verify_data(ProtocolVersion version, HashAlgorithm prf_hash, ByteView master,
                           const Transcript& transcript, Sender sender);

}  // namespace gauntlet
