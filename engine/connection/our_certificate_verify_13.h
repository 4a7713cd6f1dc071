// Our TLS 1.3 CertificateVerify (RFC 8446 §4.4.3), either role, and the
// runner's Bugs that bend it: a signature made elsewhere, a scheme TLS 1.3
// forbids, the other role's context string, a flipped byte. Apart from the
// handshakes, whose files then hold only the protocol.
#pragma once

#include "engine/base/error.h"
#include "engine/connection/config.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet {

// `key` signing with `scheme` over `transcript_hash`, or
// Bugs::certificate_verify_signature in its place.
Result<CertificateVerify> our_certificate_verify_13(const Config& c, const PrivateKey& key,
                                                    SignatureScheme scheme,
                                                    CertificateVerifySigner signer,
                                                    ByteView transcript_hash);

// The one we send in the handshake as `ours`: the above, under Bugs'
// certificate_verify edit (the client's context string, corruption, the
// scheme label), client_signature_scheme and corrupt_certificate_verify.
Result<CertificateVerify> handshake_certificate_verify_13(const Config& c,
                                                          CertificateVerifySigner ours,
                                                          const PrivateKey& key,
                                                          SignatureScheme scheme,
                                                          ByteView transcript_hash);

}  // namespace gauntlet
