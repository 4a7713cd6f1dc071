// Signatures in their TLS 1.3 form (RFC 8446 §4.4.3): CertificateVerify signs
// 64 spaces, a context string naming the signer, a zero byte and the
// transcript hash, with one of the schemes TLS 1.3 allows (§4.2.3): RSA-PSS
// (rsae for an rsaEncryption key, pss for an RSASSA-PSS key), ECDSA bound to
// its curve, Ed25519 and Ed448; never PKCS#1 v1.5, SHA-1 or DSA.
#pragma once

#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/signature.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet {

enum class CertificateVerifySigner { server, client };

// The content a CertificateVerify signs (§4.4.3).
Bytes certificate_verify_content(CertificateVerifySigner signer, ByteView transcript_hash);

// How `scheme` signs with a key of type `key` in TLS 1.3; nullopt when TLS
// 1.3 does not allow the scheme or the key does not fit it.
std::optional<SignatureParams> tls13_signature_params(SignatureScheme scheme, KeyType key);

// internal_error when the scheme does not fit our key.
Result<Bytes> sign_certificate_verify(const PrivateKey& key, SignatureScheme scheme,
                                      CertificateVerifySigner signer, ByteView transcript_hash);
// A scheme TLS 1.3 forbids, or one that does not fit the peer's key, is
// illegal_parameter; a signature that does not verify is decrypt_error.
Status verify_certificate_verify(const PublicKey& key, SignatureScheme scheme,
                                 CertificateVerifySigner signer, ByteView transcript_hash,
                                 ByteView signature);

}  // namespace gauntlet
