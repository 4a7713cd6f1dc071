// Elliptic-curve Diffie-Hellman over X25519 (RFC 7748), P-256 and P-384
// (RFC 8422 §5.10). Private keys come from our RandomSource, so a seeded
// source gives the same key share every run.
#pragma once

#include <string>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/random.h"

namespace gauntlet {

enum class EcdhGroup { x25519, p256, p384 };

std::string ecdh_group_name(EcdhGroup g);
// Bytes of a public value: 32 for X25519, 1 + 2·field for the uncompressed
// NIST points.
size_t ecdh_public_size(EcdhGroup g);

class EcdhKey {
 public:
  static Result<EcdhKey> generate(EcdhGroup group, RandomSource& random);

  EcdhGroup group() const { return group_; }
  // X25519 u-coordinate, or the uncompressed point 04 || X || Y.
  const Bytes& public_value() const { return public_; }
  // The peer's value is validated first: wrong length, compressed or hybrid
  // encoding, a point not on the curve or at infinity, or an all-zero X25519
  // result (RFC 7748 §6.1) are illegal_parameter. For NIST curves the
  // secret is the X coordinate.
  Result<Bytes> shared_secret(ByteView peer_public) const;

 private:
  EcdhKey(EcdhGroup g, EvpPkeyPtr key, Bytes pub)
      : group_(g), key_(std::move(key)), public_(std::move(pub)) {}

  EcdhGroup group_;
  EvpPkeyPtr key_;
  Bytes public_;
};

}  // namespace gauntlet
