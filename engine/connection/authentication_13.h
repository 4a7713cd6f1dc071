// What TLS 1.3 authentication does the same in the handshake and after it
// (RFC 8446 §4.3.2, §4.4.2, §4.4.3, §4.6.2): a CertificateRequest both
// ways, a Certificate's chain, a peer's CertificateVerify, and the identity
// a client answers a request with.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/config.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/crypto/x509.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet {

// §4.3.2: our CertificateRequest: signature_algorithms names the schemes
// we verify.
CertificateRequest13 certificate_request_13(const Config& c, Bytes context);
// The schemes a server's CertificateRequest names, once its extensions pass
// §4.2's table; without signature_algorithms, missing_extension. Our chain
// answers to signature_algorithms_cert, or to signature_algorithms without
// it (§4.2.3).
struct RequestedSchemes13 {
  std::vector<SignatureScheme> signature;  // for our CertificateVerify
  std::vector<SignatureScheme> chain;
};
Result<RequestedSchemes13> requested_schemes_13(const CertificateRequest13& request);

// §4.3.2, §4.4.2.4: our first identity that signs with a scheme both sides
// take, one whose chain is signed as asked first (§4.4.2.3); none: an empty
// Certificate, and no CertificateVerify.
struct ClientSigner13 {
  std::reference_wrapper<const Identity> identity;
  SignatureScheme scheme;
};
std::optional<ClientSigner13> choose_client_identity_13(const Config& c,
                                                        const RequestedSchemes13& requested);

// §4.4.2: our Certificate: the signer's chain, or empty without one.
Certificate13 certificate_13(Bytes context, const std::optional<ClientSigner13>& signer);
// §4.4.2: a Certificate's entries, each entry's extensions checked against
// §4.2's table first; bad_certificate for one that does not parse.
Result<std::vector<Certificate>> peer_chain_13(const Config& c, const Certificate13& message);

// §4.4.3: a CertificateVerify from `signer`, signed by `key` with a scheme
// we offer, over `transcript_hash` (the transcript before it). Its scheme.
// Fuzzer mode takes any signature.
Result<SignatureScheme> check_certificate_verify_13(const Config& c, CertificateVerifySigner signer,
                                                    ByteView body, ByteView transcript_hash,
                                                    const PublicKey& key, bool fuzzer_mode);

}  // namespace gauntlet
