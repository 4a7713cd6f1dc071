// Test support for TLS 1.3: engine configs that speak it over the test PKI,
// and the groups and signature schemes (each with an identity whose key
// makes it) that engine and interop tests run through.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "engine/connection/config.h"

namespace gauntlet::test_support {

// server_config()/client_config() with TLS 1.3 on top (TLS 1.0 to 1.3),
// its suites first, every group and every TLS 1.3 signature scheme.
std::shared_ptr<Config> tls13_server(uint64_t seed = 1);
std::shared_ptr<Config> tls13_client(uint64_t seed = 2);

// RFC 8446 §4.2.7: the groups the engine implements.
inline constexpr std::array kTls13Groups{
    NamedGroup::x25519,    NamedGroup::x448,      NamedGroup::secp256r1, NamedGroup::secp384r1,
    NamedGroup::secp521r1, NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096,
    NamedGroup::ffdhe6144, NamedGroup::ffdhe8192,
};

struct SchemeIdentity {
  SignatureScheme scheme;
  const char* identity;  // engine/crypto/testdata name
};

// RFC 8446 §4.2.3: every scheme TLS 1.3 allows, with a key that makes it.
inline constexpr std::array kTls13Schemes{
    SchemeIdentity{SignatureScheme::rsa_pss_rsae_sha256, "server-rsa"},
    SchemeIdentity{SignatureScheme::rsa_pss_rsae_sha384, "server-rsa"},
    SchemeIdentity{SignatureScheme::rsa_pss_rsae_sha512, "server-rsa"},
    SchemeIdentity{SignatureScheme::rsa_pss_pss_sha256, "server-rsa-pss"},
    SchemeIdentity{SignatureScheme::rsa_pss_pss_sha384, "server-rsa-pss"},
    SchemeIdentity{SignatureScheme::rsa_pss_pss_sha512, "server-rsa-pss"},
    SchemeIdentity{SignatureScheme::ecdsa_secp256r1_sha256, "server-ecdsa"},
    SchemeIdentity{SignatureScheme::ecdsa_secp384r1_sha384, "server-ecdsa-p384"},
    SchemeIdentity{SignatureScheme::ecdsa_secp521r1_sha512, "server-ecdsa-p521"},
    SchemeIdentity{SignatureScheme::ed25519, "server-ed25519"},
    SchemeIdentity{SignatureScheme::ed448, "server-ed448"},
};

}  // namespace gauntlet::test_support
