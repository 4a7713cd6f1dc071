// The signature an issuer put on a certificate, named as signature_algorithms
// and signature_algorithms_cert name it (RFC 8446 §4.2.3), so that a chain
// can be matched against a peer's list.
#pragma once

#include <span>
#include <vector>

#include "engine/crypto/x509.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet {

// The schemes that name `cert`'s signature: its hash and algorithm. ECDSA is
// named by its hash whatever the issuer's curve, and an RSASSA-PSS signature
// by both rsa_pss_rsae and rsa_pss_pss (the certificate alone does not say
// the issuer's key type), as OpenSSL matches them. Empty for any other.
std::vector<SignatureScheme> certificate_signature_schemes(const Certificate& cert);

// RFC 8446 §4.4.2.2: every certificate of `chain` is signed with one of
// `accepted`, self-signed ones aside (trust anchors, which are not
// validated, may be signed with any algorithm).
bool chain_signed_with(std::span<const Certificate> chain,
                       std::span<const SignatureScheme> accepted);

}  // namespace gauntlet
