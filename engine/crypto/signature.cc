#include "engine/crypto/signature.h"

#include <optional>
#include <string>
#include <utility>

#include <openssl/err.h>
#include <openssl/rsa.h>

#include "engine/crypto/hash.h"

namespace gauntlet {
namespace {

// The hash OpenSSL is told about; none for md5_sha1, which is signed raw
// with PKCS#1 type 1 padding and no DigestInfo, and for EdDSA.
std::optional<HashAlgorithm> hash_of(SignatureDigest d) {
  switch (d) {
    case SignatureDigest::md5:
      return HashAlgorithm::md5;
    case SignatureDigest::sha1:
      return HashAlgorithm::sha1;
    case SignatureDigest::sha224:
      return HashAlgorithm::sha224;
    case SignatureDigest::sha256:
      return HashAlgorithm::sha256;
    case SignatureDigest::sha384:
      return HashAlgorithm::sha384;
    case SignatureDigest::sha512:
      return HashAlgorithm::sha512;
    case SignatureDigest::md5_sha1:
    case SignatureDigest::intrinsic:
      break;
  }
  return std::nullopt;
}

// Parameter combinations no TLS version uses are the caller's bug.
Status check_params(SignatureParams p) {
  if (p.digest == SignatureDigest::md5_sha1 && p.padding != SignaturePadding::pkcs1) {
    return internal_error("MD5-SHA1 signatures are RSA PKCS#1 only");
  }
  if (p.digest == SignatureDigest::intrinsic && p.padding != SignaturePadding::none) {
    return internal_error("EdDSA takes no RSA padding");
  }
  return ok_status();
}

// Padding, PSS salt length and digest on a sign or verify context.
bool configure(EVP_PKEY_CTX* ctx, SignatureParams p) {
  if (const auto h = hash_of(p.digest); h && EVP_PKEY_CTX_set_signature_md(ctx, evp_md(*h)) != 1) {
    return false;
  }
  if (p.padding == SignaturePadding::none) return true;
  const int pad = p.padding == SignaturePadding::pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
  if (EVP_PKEY_CTX_set_rsa_padding(ctx, pad) != 1) return false;
  return p.padding != SignaturePadding::pss ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

// Clears OpenSSL's queue, keeping what it said (if anything) in the reason.
Error bad_signature() {
  std::string reason = "signature does not verify";
  if (ERR_peek_error() != 0) reason += ": " + openssl_error_string();
  return {AlertDescription::decrypt_error, std::move(reason)};
}

// EdDSA signs the message itself (RFC 8032).
Result<Bytes> sign_intrinsic(const PrivateKey& key, ByteView message) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
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

Status verify_intrinsic(const PublicKey& key, ByteView message, ByteView signature) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                       message.size()) != 1) {
    return bad_signature();
  }
  return ok_status();
}

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

Bytes signature_digest_of(SignatureDigest d, ByteView message) {
  if (const auto h = hash_of(d)) return hash(*h, message);
  Bytes out = hash(HashAlgorithm::md5, message);
  const Bytes sha1 = hash(HashAlgorithm::sha1, message);
  out.insert(out.end(), sha1.begin(), sha1.end());
  return out;
}

Result<Bytes> sign(const PrivateKey& key, SignatureParams p, ByteView message) {
  if (Status s = check_params(p); !s) return s.error();
  if (p.digest == SignatureDigest::intrinsic) return sign_intrinsic(key, message);
  return sign_digest(key, p, signature_digest_of(p.digest, message));
}

Status verify(const PublicKey& key, SignatureParams p, ByteView message, ByteView signature) {
  if (Status s = check_params(p); !s) return s;
  if (p.digest == SignatureDigest::intrinsic) return verify_intrinsic(key, message, signature);
  return verify_digest(key, p, signature_digest_of(p.digest, message), signature);
}

Result<Bytes> sign_digest(const PrivateKey& key, SignatureParams p, ByteView digest) {
  if (Status s = check_params(p); !s) return s.error();
  if (p.digest == SignatureDigest::intrinsic) {
    return internal_error("EdDSA cannot sign a precomputed digest");
  }
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 || !configure(ctx.get(), p) ||
      EVP_PKEY_sign(ctx.get(), nullptr, &len, digest.data(), digest.size()) != 1) {
    return internal_error("sign: " + openssl_error_string());
  }
  Bytes sig(len);
  if (EVP_PKEY_sign(ctx.get(), sig.data(), &len, digest.data(), digest.size()) != 1) {
    return internal_error("sign: " + openssl_error_string());
  }
  sig.resize(len);
  return sig;
}

Status verify_digest(const PublicKey& key, SignatureParams p, ByteView digest, ByteView signature) {
  if (Status s = check_params(p); !s) return s;
  if (p.digest == SignatureDigest::intrinsic) {
    return internal_error("EdDSA cannot verify a precomputed digest");
  }
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 || !configure(ctx.get(), p) ||
      EVP_PKEY_verify(ctx.get(), signature.data(), signature.size(), digest.data(),
                      digest.size()) != 1) {
    return bad_signature();
  }
  return ok_status();
}

}  // namespace gauntlet
