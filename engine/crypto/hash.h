// Message digests over libcrypto EVP, and the handshake transcript.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/registry/algorithm_ids.h"

namespace gauntlet {

size_t digest_size(HashAlgorithm h);
// Internal block size (64 or 128), as HMAC and the SSL 3.0 MAC pads need.
size_t block_size(HashAlgorithm h);
std::string_view hash_name(HashAlgorithm h);  // "SHA256" etc.
const EVP_MD* evp_md(HashAlgorithm h);

Bytes hash(HashAlgorithm h, ByteView data);

// A running digest. Copying forks it: the copy continues independently, so a
// transcript hash can be read at one point and fed further.
class Hash {
 public:
  explicit Hash(HashAlgorithm h);
  Hash(const Hash& other);
  Hash& operator=(const Hash& other);
  Hash(Hash&&) noexcept = default;
  Hash& operator=(Hash&&) noexcept = default;

  void update(ByteView data);
  // Digest of everything fed so far; the hash can still be fed afterwards.
  Bytes digest() const;
  // The same digest without the fork digest() makes; then the hash is spent.
  Bytes finish();
  HashAlgorithm algorithm() const { return alg_; }

 private:
  HashAlgorithm alg_;
  EvpMdCtxPtr ctx_;
};

// The handshake transcript (RFC 5246 §7.4.9, RFC 8446 §4.4.1): every
// handshake message as sent, which a TLS 1.2 CertificateVerify signs with a
// hash of its own, and a running digest per hash the handshake asks for. The
// hash is only known once the suite is, and a handshake asks for one (MD5
// and SHA-1 before TLS 1.2), so each digest starts running when first asked
// for, from the messages so far, instead of four running from the ClientHello.
class Transcript {
 public:
  void update(ByteView handshake_message);
  Bytes digest(HashAlgorithm h) const { return running(h).digest(); }
  // A running hash of the transcript so far, to fork (SSL 3.0 Finished).
  const Hash& running(HashAlgorithm h) const;
  const Bytes& messages() const { return messages_; }

 private:
  Bytes messages_;
  mutable std::array<std::optional<Hash>, 6> running_;  // by HashAlgorithm
};

}  // namespace gauntlet
