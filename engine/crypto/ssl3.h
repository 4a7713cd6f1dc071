// SSL 3.0 (RFC 6101) key derivation, record MAC and Finished/CertificateVerify
// hashes, written by us over MD5 and SHA-1.
#pragma once

#include <cstdint>

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"

namespace gauntlet {

// RFC 6101 §6.1 / §6.2.2: MD5(secret + SHA1("A" + secret + seed)) +
// MD5(secret + SHA1("BB" + secret + seed)) + ... truncated to length. Used for
// both the master secret (seed = client_random + server_random) and the key
// block (seed = server_random + client_random). The labels run out at "Z" x 26,
// so the output is capped at kSsl3PrfMaxLength bytes (SSL 3.0 needs at most 104).
constexpr size_t kSsl3PrfMaxLength = 26 * 16;
Bytes ssl3_prf(ByteView secret, ByteView seed, size_t length);

// RFC 6101 §5.2.3.1: hash(MAC_write_secret + pad_2 +
//   hash(MAC_write_secret + pad_1 + seq_num + type + length + content)).
Bytes ssl3_mac(HashAlgorithm h, ByteView mac_key, uint64_t seq, uint8_t content_type,
               ByteView fragment);

// RFC 6101 §5.6.9 Finished: MD5 and SHA-1 of handshake_messages + sender +
// master_secret + pad_1, then outer hash; 36 bytes. sender is 0x434C4E54
// ("CLNT") or 0x53525652 ("SRVR"). md5 and sha1 are forks of the transcript.
Bytes ssl3_finished(const Hash& md5, const Hash& sha1, uint32_t sender, ByteView master_secret);

// RFC 6101 §5.6.8 CertificateVerify hash: as Finished without a sender.
// Returns MD5 (16 bytes) followed by SHA-1 (20 bytes).
Bytes ssl3_cert_verify_hash(const Hash& md5, const Hash& sha1, ByteView master_secret);

}  // namespace gauntlet
