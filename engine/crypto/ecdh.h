// Elliptic-curve Diffie-Hellman over X25519 and X448 (RFC 7748), P-256,
// P-384 and P-521 (RFC 8422 §5.10, RFC 8446 §4.2.8.2). Private keys come from
// our RandomSource, so a seeded source gives the same key share every run.
#pragma once

#include <string>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/random.h"

namespace gauntlet {

enum class EcdhGroup { x25519, x448, p256, p384, p521 };

std::string ecdh_group_name(EcdhGroup g);
// Bytes of a public value: 32 for X25519, 56 for X448, 1 + 2·field for the
// uncompressed NIST points.
size_t ecdh_public_size(EcdhGroup g);

class EcdhKey {
 public:
  static Result<EcdhKey> generate(EcdhGroup group, RandomSource& random);

  EcdhGroup group() const { return group_; }
  // The X25519/X448 u-coordinate, or the uncompressed point 04 || X || Y.
  const Bytes& public_value() const { return public_; }
  // The peer's value is validated first: wrong length, compressed or hybrid
  // encoding, a point not on the curve or at infinity, or an all-zero
  // X25519/X448 result (RFC 7748 §6) are illegal_parameter. For NIST curves
  // the secret is the X coordinate, as long as the field (RFC 8446 §7.4.2).
  Result<Bytes> shared_secret(ByteView peer_public) const;

 private:
  EcdhKey(EcdhGroup g, EvpPkeyPtr key, Bytes pub)
      : group_(g), key_(std::move(key)), public_(std::move(pub)) {}

  EcdhGroup group_;
  EvpPkeyPtr key_;
  Bytes public_;
};

}  // namespace gauntlet
