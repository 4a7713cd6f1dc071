// Which signature a key makes in a handshake (RFC 5246 §7.4.1.4.1, §4.7):
// in TLS 1.2 a negotiated SignatureScheme; before it, RSA signs MD5||SHA-1
// with PKCS#1 and DSA/ECDSA sign SHA-1.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/base/error.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/signature.h"
#include "engine/messages/handshake/digitally_signed.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet {

// A key of this type can make this scheme's signatures in TLS 1.2.
bool scheme_fits_key(SignatureScheme s, KeyType key);
// It can sign before TLS 1.2, where no scheme is named (an RSA-PSS key
// cannot: those signatures are PKCS #1 v1.5, RFC 5246 §7.4.3).
bool signs_without_scheme(KeyType key);

// The first of `ours` that the key can make and the peer accepts. A TLS 1.2
// peer that sent no list accepts {sha1, the key's algorithm} only
// (RFC 5246 §7.4.1.4.1).
std::optional<SignatureScheme> choose_signature_scheme(
    KeyType key, std::span<const SignatureScheme> ours,
    const std::optional<std::vector<SignatureScheme>>& peer);

// The DigitallySigned over `content` a version needs.
Result<DigitallySigned> sign_handshake(ProtocolVersion version, const PrivateKey& key,
                                       std::optional<SignatureScheme> scheme, ByteView content);

// decrypt_error for a signature that does not verify (RFC 5246 §7.2.2);
// illegal_parameter for a scheme outside `accepted` or unfit for the key.
Status verify_handshake(ProtocolVersion version, const PublicKey& key,
                        const DigitallySigned& signed_value, ByteView content,
                        std::span<const SignatureScheme> accepted);

// SSL 3.0 CertificateVerify (RFC 6101 §5.6.8) signs a ready digest, MD5 and
// SHA-1 together: RSA signs all 36 bytes, DSA and ECDSA the SHA-1 part.
Result<Bytes> sign_ssl3_digest(const PrivateKey& key, ByteView md5_sha1);
Status verify_ssl3_digest(const PublicKey& key, ByteView md5_sha1, ByteView signature);

}  // namespace gauntlet
