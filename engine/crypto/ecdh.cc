#include "engine/crypto/ecdh.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

namespace gauntlet {
namespace {

struct Curve {
  EcdhGroup group;
  const char* name;  // OpenSSL's and RFC 8422's
  int nid;           // NIST curves; NID_undef for the RFC 7748 ones
  int raw_type;      // EVP_PKEY_X25519 / EVP_PKEY_X448; 0 for NIST curves
  size_t field_size;
};

constexpr Curve kCurves[] = {
    {EcdhGroup::x25519, "X25519", NID_undef, EVP_PKEY_X25519, 32},
    {EcdhGroup::x448, "X448", NID_undef, EVP_PKEY_X448, 56},
    {EcdhGroup::p256, "P-256", NID_X9_62_prime256v1, 0, 32},
    {EcdhGroup::p384, "P-384", NID_secp384r1, 0, 48},
    {EcdhGroup::p521, "P-521", NID_secp521r1, 0, 66},
};

const Curve& curve(EcdhGroup g) {
  for (const Curve& c : kCurves) {
    if (c.group == g) return c;
  }
  return kCurves[0];
}

bool is_montgomery(EcdhGroup g) { return curve(g).raw_type != 0; }

Error bad_point(const std::string& why) { return illegal_parameter("ECDH public value: " + why); }

// An EVP_PKEY for a NIST curve from the public point and, optionally, the
// private scalar.
Result<EvpPkeyPtr> nist_key(EcdhGroup g, ByteView point, const BIGNUM* priv) {
  OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
  OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve(g).name, 0);
  OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  if (priv != nullptr) OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv);
  OsslParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                        params.get()) != 1) {
    return internal_error("EC key import: " + openssl_error_string());
  }
  return EvpPkeyPtr(key);
}

Result<Bytes> derive(EVP_PKEY* mine, EVP_PKEY* peer) {
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(mine, nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1) {
    ERR_clear_error();
    return bad_point("rejected by key agreement");
  }
  Bytes out(len);
  if (EVP_PKEY_derive(ctx.get(), out.data(), &len) != 1) {
    // OpenSSL refuses an all-zero X25519 or X448 result (RFC 7748 §6).
    ERR_clear_error();
    return bad_point("shared secret is zero");
  }
  out.resize(len);
  return out;
}

}  // namespace

std::string ecdh_group_name(EcdhGroup g) { return curve(g).name; }

size_t ecdh_public_size(EcdhGroup g) {
  return is_montgomery(g) ? curve(g).field_size : 1 + 2 * curve(g).field_size;
}

Result<EcdhKey> EcdhKey::generate(EcdhGroup group, RandomSource& random) {
  const Curve& c = curve(group);
  if (is_montgomery(group)) {
    // RFC 7748 §5: any string of field_size bytes is a private key.
    const Bytes priv = random.bytes(c.field_size);
    EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(c.raw_type, nullptr, priv.data(), priv.size()));
    Bytes pub(c.field_size);
    size_t len = pub.size();
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1) {
      return internal_error(std::string(c.name) + " keygen: " + openssl_error_string());
    }
    return EcdhKey(group, std::move(key), std::move(pub));
  }
  EcGroupPtr ec(EC_GROUP_new_by_curve_name(c.nid));
  BnCtxPtr bn_ctx(BN_CTX_new());
  BignumPtr order(BN_new()), scalar(BN_new());
  EC_GROUP_get_order(ec.get(), order.get(), bn_ctx.get());
  // A scalar in [1, order-1]: 8 extra random bytes make the modulo bias
  // negligible.
  const Bytes r = random.bytes(c.field_size + 8);
  BN_bin2bn(r.data(), static_cast<int>(r.size()), scalar.get());
  BN_sub_word(order.get(), 1);
  BN_mod(scalar.get(), scalar.get(), order.get(), bn_ctx.get());
  BN_add_word(scalar.get(), 1);
  EcPointPtr point(EC_POINT_new(ec.get()));
  if (EC_POINT_mul(ec.get(), point.get(), scalar.get(), nullptr, nullptr, bn_ctx.get()) != 1) {
    return internal_error("EC keygen: " + openssl_error_string());
  }
  Bytes pub(ecdh_public_size(group));
  EC_POINT_point2oct(ec.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, pub.data(), pub.size(),
                     bn_ctx.get());
  auto key = nist_key(group, pub, scalar.get());
  if (!key) return key.error();
  return EcdhKey(group, std::move(*key), std::move(pub));
}

Result<Bytes> EcdhKey::shared_secret(ByteView peer) const {
  if (peer.size() != ecdh_public_size(group_)) return bad_point("wrong length");
  const Curve& c = curve(group_);
  if (is_montgomery(group_)) {
    EvpPkeyPtr peer_key(EVP_PKEY_new_raw_public_key(c.raw_type, nullptr, peer.data(), peer.size()));
    if (!peer_key) return bad_point(std::string("not an ") + c.name + " value");
    return derive(key_.get(), peer_key.get());
  }
  if (peer.front() != POINT_CONVERSION_UNCOMPRESSED) return bad_point("not an uncompressed point");
  EcGroupPtr ec(EC_GROUP_new_by_curve_name(c.nid));
  EcPointPtr point(EC_POINT_new(ec.get()));
  BnCtxPtr bn_ctx(BN_CTX_new());
  if (EC_POINT_oct2point(ec.get(), point.get(), peer.data(), peer.size(), bn_ctx.get()) != 1 ||
      EC_POINT_is_on_curve(ec.get(), point.get(), bn_ctx.get()) != 1 ||
      EC_POINT_is_at_infinity(ec.get(), point.get())) {
    ERR_clear_error();
    return bad_point("not a point on " + ecdh_group_name(group_));
  }
  auto peer_key = nist_key(group_, peer, nullptr);
  if (!peer_key) return bad_point("rejected on import");
  return derive(key_.get(), peer_key->get());
}

}  // namespace gauntlet
