// Finite-field Diffie-Hellman: the RFC 7919 groups, and server-chosen
// parameters as TLS 1.2 ServerDHParams carry them (RFC 5246 §7.4.3).
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/random.h"

namespace gauntlet {

enum class FfdheGroup { ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144, ffdhe8192 };

struct DhParams {
  Bytes p, g;  // big-endian, no leading zeros

  static DhParams ffdhe(FfdheGroup group);
  // Sanity of server-chosen parameters: p odd and at least min_bits
  // (insufficient_security below it), 1 < g < p-1 (illegal_parameter).
  Status check(size_t min_bits = 1024) const;
  size_t bits() const;

  bool operator==(const DhParams&) const = default;
};

class DhKey {
 public:
  // The private exponent comes from random; params must pass check(0).
  static Result<DhKey> generate(const DhParams& params, RandomSource& random);

  const DhParams& params() const { return params_; }
  const Bytes& public_value() const { return public_; }
  // The peer's Y must satisfy 1 < Y < p-1 (illegal_parameter otherwise). The
  // secret has its leading zero bytes stripped (RFC 5246 §8.1.2).
  Result<Bytes> shared_secret(ByteView peer_public) const;

  // The TLS 1.3 forms: the key share and the secret are left-padded with
  // zeros to the size of p (RFC 8446 §4.2.8.1, §7.4.1), and a peer's share of
  // any other size is illegal_parameter, as is one outside 1 < Y < p-1.
  Bytes padded_public_value() const;
  Result<Bytes> padded_shared_secret(ByteView peer_public) const;

 private:
  DhKey(DhParams params, Bytes x, Bytes pub)
      : params_(std::move(params)), private_(std::move(x)), public_(std::move(pub)) {}

  DhParams params_;
  Bytes private_;
  Bytes public_;
};

}  // namespace gauntlet
