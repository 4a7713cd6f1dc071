#include "engine/crypto/dh.h"

#include <algorithm>
#include <string>

#include <openssl/core_names.h>
#include <openssl/err.h>

namespace gauntlet {
namespace {

// Exponent size: comfortably above twice the security strength of the
// largest group (RFC 7919 §5.2), and far cheaper than a full-size one.
constexpr size_t kExponentBytes = 64;

BignumPtr bn(ByteView bytes) {
  return BignumPtr(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

Bytes to_bytes(const BIGNUM* n) {
  Bytes out(static_cast<size_t>(BN_num_bytes(n)));
  BN_bn2bin(n, out.data());
  return out;
}

const char* group_name(FfdheGroup g) {
  switch (g) {
    case FfdheGroup::ffdhe2048:
      return "ffdhe2048";
    case FfdheGroup::ffdhe3072:
      return "ffdhe3072";
    case FfdheGroup::ffdhe4096:
      return "ffdhe4096";
    case FfdheGroup::ffdhe6144:
      return "ffdhe6144";
    case FfdheGroup::ffdhe8192:
      return "ffdhe8192";
  }
  return "ffdhe2048";
}

// p-1, for the range checks.
BignumPtr minus_one(const BIGNUM* p) {
  BignumPtr out(BN_dup(p));
  BN_sub_word(out.get(), 1);
  return out;
}

// value, with zeros in front up to size bytes.
Bytes left_padded(const Bytes& value, size_t size) {
  Bytes out(size - std::min(size, value.size()), 0);
  out.insert(out.end(), value.begin(), value.end());
  return out;
}

}  // namespace

DhParams DhParams::ffdhe(FfdheGroup group) {
  // OpenSSL carries the RFC 7919 primes; a test checks them against the RFC.
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                                          const_cast<char*>(group_name(group)), 0),
                         OSSL_PARAM_construct_end()};
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
  EVP_PKEY* key = nullptr;
  EVP_PKEY_fromdata_init(ctx.get());
  EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_KEY_PARAMETERS, params);
  EvpPkeyPtr owned(key);
  BIGNUM* p = nullptr;
  EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p);
  BignumPtr owned_p(p);
  return DhParams{to_bytes(p), Bytes{2}};
}

size_t DhParams::bits() const {
  BignumPtr n = bn(p);
  return static_cast<size_t>(BN_num_bits(n.get()));
}

Status DhParams::check(size_t min_bits) const {
  BignumPtr pn = bn(p), gn = bn(g);
  if (!BN_is_odd(pn.get())) return illegal_parameter("DH prime is even");
  if (bits() < min_bits) {
    return Error{
        AlertDescription::insufficient_security,
        "DH prime of " + std::to_string(bits()) + " bits is under " + std::to_string(min_bits)};
  }
  BignumPtr top = minus_one(pn.get());
  if (BN_cmp(gn.get(), BN_value_one()) <= 0 || BN_cmp(gn.get(), top.get()) >= 0) {
    return illegal_parameter("DH generator out of range");
  }
  return ok_status();
}

Result<DhKey> DhKey::generate(const DhParams& params, RandomSource& random) {
  // Only structural sanity here; the size policy is the caller's check().
  if (Status s = params.check(0); !s) return s.error();
  BignumPtr p = bn(params.p), g = bn(params.g);
  Bytes x = random.bytes(std::min(kExponentBytes, params.p.size()));
  x.front() |= 0x40;  // never a tiny exponent
  BignumPtr xn = bn(x), y(BN_new());
  BnCtxPtr ctx(BN_CTX_new());
  if (BN_mod_exp_mont_consttime(y.get(), g.get(), xn.get(), p.get(), ctx.get(), nullptr) != 1) {
    return internal_error("DH keygen: " + openssl_error_string());
  }
  return DhKey(params, std::move(x), to_bytes(y.get()));
}

Result<Bytes> DhKey::shared_secret(ByteView peer_public) const {
  BignumPtr p = bn(params_.p), y = bn(peer_public), x = bn(private_), z(BN_new());
  BignumPtr top = minus_one(p.get());
  if (BN_cmp(y.get(), BN_value_one()) <= 0 || BN_cmp(y.get(), top.get()) >= 0) {
    return illegal_parameter("DH public value out of range (RFC 7919 §5.1)");
  }
  BnCtxPtr ctx(BN_CTX_new());
  if (BN_mod_exp_mont_consttime(z.get(), y.get(), x.get(), p.get(), ctx.get(), nullptr) != 1) {
    return internal_error("DH agreement: " + openssl_error_string());
  }
  return to_bytes(z.get());
}

Bytes DhKey::padded_public_value() const { return left_padded(public_, params_.p.size()); }

Result<Bytes> DhKey::padded_shared_secret(ByteView peer_public) const {
  if (peer_public.size() != params_.p.size()) {
    return illegal_parameter("TLS 1.3 DH key share is not the size of p (RFC 8446 §4.2.8.1)");
  }
  Result<Bytes> secret = shared_secret(peer_public);
  if (!secret) return secret.error();
  return left_padded(*secret, params_.p.size());
}

}  // namespace gauntlet
