// Signing and verifying as TLS uses it: RSA PKCS#1 v1.5 and PSS, DSA, ECDSA
// and Ed25519 over a message with a chosen digest, plus the TLS 1.0/1.1
// forms (RFC 4346 §7.4.3): RSA over the 36-byte MD5||SHA-1 digest with no
// DigestInfo, DSA/ECDSA over the SHA-1 digest.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/keys.h"
#include "engine/registry/algorithm_ids.h"

namespace gauntlet {

enum class SignaturePadding {
  pkcs1,  // RSA PKCS#1 v1.5
  pss,    // RSA-PSS, salt length = digest length (RFC 8446 §4.2.3)
  none,   // DSA, ECDSA, EdDSA
};

enum class SignatureDigest { md5, sha1, sha224, sha256, sha384, sha512, md5_sha1, intrinsic };

struct SignatureParams {
  SignaturePadding padding;
  // md5_sha1 only with pkcs1 (TLS 1.0/1.1 RSA); intrinsic for EdDSA.
  SignatureDigest digest;
};

SignatureDigest signature_digest(HashAlgorithm h);
// The digest sign_digest expects for message: MD5(m)||SHA-1(m) for md5_sha1.
// Not defined for intrinsic.
Bytes signature_digest_of(SignatureDigest d, ByteView message);

Result<Bytes> sign(const PrivateKey& key, SignatureParams params, ByteView message);
// A signature that does not verify is decrypt_error (RFC 5246 §7.4.8).
Status verify(const PublicKey& key, SignatureParams params, ByteView message, ByteView signature);

// The same over a digest computed elsewhere (a running transcript hash, the
// SSL 3.0 CertificateVerify hashes); its length must match params.digest.
// EdDSA has no such form: internal_error.
Result<Bytes> sign_digest(const PrivateKey& key, SignatureParams params, ByteView digest);
Status verify_digest(const PublicKey& key, SignatureParams params, ByteView digest,
                     ByteView signature);

}  // namespace gauntlet
