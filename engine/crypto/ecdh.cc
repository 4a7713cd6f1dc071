#include "engine/crypto/ecdh.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

namespace gauntlet {
namespace {

int curve_nid(EcdhGroup g) { return g == EcdhGroup::p256 ? NID_X9_62_prime256v1 : NID_secp384r1; }
const char* curve_name(EcdhGroup g) { return g == EcdhGroup::p256 ? "P-256" : "P-384"; }
size_t field_size(EcdhGroup g) { return g == EcdhGroup::p256 ? 32 : 48; }

Error bad_point(const std::string& why) { return illegal_parameter("ECDH public value: " + why); }

// An EVP_PKEY for a NIST curve from the public point and, optionally, the
// private scalar.
Result<EvpPkeyPtr> nist_key(EcdhGroup g, ByteView point, const BIGNUM* priv) {
  OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
  OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve_name(g), 0);
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
    // OpenSSL refuses an all-zero X25519 result (RFC 7748 §6.1).
    ERR_clear_error();
    return bad_point("shared secret is zero");
  }
  out.resize(len);
  return out;
}

}  // namespace

std::string ecdh_group_name(EcdhGroup g) {
  return g == EcdhGroup::x25519 ? "X25519" : curve_name(g);
}

size_t ecdh_public_size(EcdhGroup g) {
  return g == EcdhGroup::x25519 ? 32 : 1 + 2 * field_size(g);
}

Result<EcdhKey> EcdhKey::generate(EcdhGroup group, RandomSource& random) {
  if (group == EcdhGroup::x25519) {
    const Bytes priv = random.bytes(32);
    EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, priv.data(), 32));
    Bytes pub(32);
    size_t len = 32;
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1) {
      return internal_error("X25519 keygen: " + openssl_error_string());
    }
    return EcdhKey(group, std::move(key), std::move(pub));
  }
  EcGroupPtr ec(EC_GROUP_new_by_curve_name(curve_nid(group)));
  BnCtxPtr bn_ctx(BN_CTX_new());
  BignumPtr order(BN_new()), scalar(BN_new());
  EC_GROUP_get_order(ec.get(), order.get(), bn_ctx.get());
  // A scalar in [1, order-1]: 8 extra random bytes make the modulo bias
  // negligible.
  const Bytes r = random.bytes(field_size(group) + 8);
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
  if (group_ == EcdhGroup::x25519) {
    EvpPkeyPtr peer_key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer.data(), peer.size()));
    if (!peer_key) return bad_point("not an X25519 value");
    return derive(key_.get(), peer_key.get());
  }
  if (peer.front() != POINT_CONVERSION_UNCOMPRESSED) return bad_point("not an uncompressed point");
  EcGroupPtr ec(EC_GROUP_new_by_curve_name(curve_nid(group_)));
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
