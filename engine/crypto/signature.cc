#include "engine/crypto/signature.h"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include "engine/crypto/hash.h"

namespace gauntlet {
namespace {

HashAlgorithm hash_of(SignatureDigest d) {
  switch (d) {
    case SignatureDigest::md5:
      return HashAlgorithm::md5;
    case SignatureDigest::sha224:
      return HashAlgorithm::sha224;
    case SignatureDigest::sha256:
      return HashAlgorithm::sha256;
    case SignatureDigest::sha384:
      return HashAlgorithm::sha384;
    case SignatureDigest::sha512:
      return HashAlgorithm::sha512;
    default:
      return HashAlgorithm::sha1;
  }
}

// For md5_sha1 the "digest" is the concatenation, signed raw with PKCS#1
// type 1 padding and no DigestInfo.
Bytes md5_sha1(ByteView message) {
  Bytes out = hash(HashAlgorithm::md5, message);
  const Bytes sha1 = hash(HashAlgorithm::sha1, message);
  out.insert(out.end(), sha1.begin(), sha1.end());
  return out;
}

Status configure(EVP_PKEY_CTX* ctx, SignatureParams p) {
  if (p.padding == SignaturePadding::none) return ok_status();
  const int pad = p.padding == SignaturePadding::pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
  if (EVP_PKEY_CTX_set_rsa_padding(ctx, pad) != 1) {
    return internal_error("RSA padding: " + openssl_error_string());
  }
  if (p.padding == SignaturePadding::pss &&
      EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) != 1) {
    return internal_error("PSS salt length: " + openssl_error_string());
  }
  return ok_status();
}

const EVP_MD* md_for(SignatureParams p) {
  return p.digest == SignatureDigest::intrinsic ? nullptr : evp_md(hash_of(p.digest));
}

Error bad_signature() { return {AlertDescription::decrypt_error, "signature does not verify"}; }

}  // namespace

SignatureDigest signature_digest(HashAlgorithm h) {
  switch (h) {
    case HashAlgorithm::md5:
      return SignatureDigest::md5;
    case HashAlgorithm::sha1:
      return SignatureDigest::sha1;
    case HashAlgorithm::sha224:
      return SignatureDigest::sha224;
    case HashAlgorithm::sha256:
      return SignatureDigest::sha256;
    case HashAlgorithm::sha384:
      return SignatureDigest::sha384;
    case HashAlgorithm::sha512:
      return SignatureDigest::sha512;
  }
  return SignatureDigest::sha256;
}

Result<Bytes> sign(const PrivateKey& key, SignatureParams p, ByteView message) {
  if (p.digest == SignatureDigest::md5_sha1) {
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    const Bytes digest = md5_sha1(message);
    size_t len = 0;
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 || !configure(ctx.get(), p).ok() ||
        EVP_PKEY_sign(ctx.get(), nullptr, &len, digest.data(), digest.size()) != 1) {
      return internal_error("MD5-SHA1 sign: " + openssl_error_string());
    }
    Bytes sig(len);
    if (EVP_PKEY_sign(ctx.get(), sig.data(), &len, digest.data(), digest.size()) != 1) {
      return internal_error("MD5-SHA1 sign: " + openssl_error_string());
    }
    sig.resize(len);
    return sig;
  }
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md_for(p), nullptr, key.get()) != 1 ||
      !configure(pctx, p).ok() ||
      EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1) {
    return internal_error("sign: " + openssl_error_string());
  }
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, message.data(), message.size()) != 1) {
    return internal_error("sign: " + openssl_error_string());
  }
  sig.resize(len);
  return sig;
}

Status verify(const PublicKey& key, SignatureParams p, ByteView message, ByteView signature) {
  if (p.digest == SignatureDigest::md5_sha1) {
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    const Bytes digest = md5_sha1(message);
    if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 || !configure(ctx.get(), p).ok() ||
        EVP_PKEY_verify(ctx.get(), signature.data(), signature.size(), digest.data(),
                        digest.size()) != 1) {
      ERR_clear_error();
      return bad_signature();
    }
    return ok_status();
  }
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, md_for(p), nullptr, key.get()) != 1 ||
      !configure(pctx, p).ok()) {
    ERR_clear_error();
    return bad_signature();
  }
  if (EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                       message.size()) != 1) {
    ERR_clear_error();
    return bad_signature();
  }
  return ok_status();
}

}  // namespace gauntlet
