// Rules both sides apply when they choose or check parameters: which suites
// a version allows, which keys a suite needs, how a peer's chain is judged.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/connection/config.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/x509.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/client_certificate_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

// The engine implements the suite and this version may use it (TLS 1.3
// suites only TLS 1.3). ECDHE needs the supported_groups extension, which
// SSL 3.0 hellos do not carry.
bool suite_usable(const CipherSuiteInfo& s, ProtocolVersion v);

// RFC 8446 §4.4.2.2 and §4.4.2.3 (RFC 5246 §7.4.2 before it): `ids` whose
// chain is signed with `accepted` first, the rest after, each in its order:
// the peer may still take a chain signed otherwise.
void prefer_chains_signed_with(std::vector<const Identity*>& ids,
                               std::span<const SignatureScheme> accepted);

// RFC 8446 §4.1.3: a server that speaks TLS 1.3 but negotiates less ends its
// random with DOWNGRD 01 (TLS 1.2) or DOWNGRD 00 (below); a TLS 1.3 client
// that finds either aborts.
void write_downgrade_sentinel(Bytes& server_random, ProtocolVersion negotiated);
bool has_downgrade_sentinel(ByteView server_random);

bool is_cbc(CipherAlgorithm c);
bool is_ec_key(KeyType k);

// The certificate key a suite's key exchange needs (RFC 5246 §7.4.2,
// RFC 8422 §5.3).
bool key_fits_suite(KeyType key, KeyExchange kx);
// RSA key exchange encrypts to the key; the others sign with it.
bool key_usage_fits_suite(const Certificate& leaf, KeyExchange kx);

// RFC 5246 §7.4.4: the certificate type a client key signs as.
std::optional<ClientCertificateType> certificate_type_for(KeyType key);

// The DER certificates of a Certificate message, decoded through c's
// certificate pool; bad_certificate for one that does not parse.
Result<std::vector<Certificate>> parse_chain(const Config& c, const CertificateMessage& msg);
std::vector<Bytes> chain_der(std::span<const Certificate> chain);

}  // namespace gauntlet
