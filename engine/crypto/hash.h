// Message digests over libcrypto EVP, and the handshake transcript.
#pragma once

#include <cstddef>
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
  HashAlgorithm algorithm() const { return alg_; }

 private:
  HashAlgorithm alg_;
  EvpMdCtxPtr ctx_;
};

// The handshake transcript (RFC 5246 §7.4.9): running MD5, SHA-1, SHA-256 and
// SHA-384 over every handshake message, since the PRF hash is only known once
// the suite is. It also keeps the raw messages while a TLS 1.2
// CertificateVerify may still need to sign them with another hash.
class Transcript {
 public:
  Transcript();
  void update(ByteView handshake_message);
  // SHA-224 and SHA-512 are not kept running; they hash messages().
  Bytes digest(HashAlgorithm h) const;
  // A running hash of the transcript so far, to fork (SSL 3.0 Finished).
  // h is one of MD5, SHA-1, SHA-256, SHA-384.
  const Hash& running(HashAlgorithm h) const;
  const Bytes& messages() const { return messages_; }
  // Stop keeping the raw messages once nothing can sign them any more.
  void drop_messages();

 private:
  Hash md5_, sha1_, sha256_, sha384_;
  Bytes messages_;
  bool keep_messages_ = true;
};

}  // namespace gauntlet
