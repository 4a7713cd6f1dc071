// gauntlet info: what the engine speaks, by IANA and OpenSSL name.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "engine/connection/config.h"
#include "engine/crypto/cipher.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet::cli {
namespace {

// The versions the engine completes a handshake in, both roles.
constexpr ProtocolVersion kVersions[] = {ProtocolVersion::ssl2,  ProtocolVersion::ssl3,
                                         ProtocolVersion::tls10, ProtocolVersion::tls11,
                                         ProtocolVersion::tls12, ProtocolVersion::tls13};
// ECDHE (RFC 8422, RFC 7748) and FFDHE (RFC 7919), in every version that
// has them.
constexpr NamedGroup kGroups[] = {
    NamedGroup::x25519,    NamedGroup::x448,      NamedGroup::secp256r1, NamedGroup::secp384r1,
    NamedGroup::secp521r1, NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096,
    NamedGroup::ffdhe6144, NamedGroup::ffdhe8192};
constexpr SignatureScheme kSchemes[] = {
    SignatureScheme::rsa_pkcs1_sha1,         SignatureScheme::rsa_pkcs1_sha256,
    SignatureScheme::rsa_pkcs1_sha384,       SignatureScheme::rsa_pkcs1_sha512,
    SignatureScheme::rsa_pss_rsae_sha256,    SignatureScheme::rsa_pss_rsae_sha384,
    SignatureScheme::rsa_pss_rsae_sha512,    SignatureScheme::rsa_pss_pss_sha256,
    SignatureScheme::rsa_pss_pss_sha384,     SignatureScheme::rsa_pss_pss_sha512,
    SignatureScheme::dsa_sha1,               SignatureScheme::dsa_sha256,
    SignatureScheme::ecdsa_sha1,             SignatureScheme::ecdsa_secp256r1_sha256,
    SignatureScheme::ecdsa_secp384r1_sha384, SignatureScheme::ecdsa_secp521r1_sha512,
    SignatureScheme::ed25519,                SignatureScheme::ed448};

void print_suites() {
  std::printf("\nCipher suites (record protection for each):\n");
  std::printf("  %-6s  %-48s %-32s %-12s %s\n", "id", "IANA name", "OpenSSL name", "key exch.",
              "versions");
  std::vector<CipherSuite> suites = tls13_cipher_suites();
  std::ranges::copy(all_engine_cipher_suites(), std::back_inserter(suites));
  for (CipherSuite suite : suites) {
    const CipherSuiteInfo& s = *cipher_suite_info(suite);
    const std::string range = iana_name(s.min_version) + (s.min_version == s.max_version
                                                              ? std::string()
                                                              : " - " + iana_name(s.max_version));
    std::printf("  0x%04x  %-48s %-32s %-12s %s\n", static_cast<unsigned>(s.suite),
                std::string(s.iana).c_str(), openssl_name(s.suite).c_str(),
                iana_name(s.key_exchange).c_str(), range.c_str());
  }
}

int run() {
  std::printf("Gauntlet engine\n\nProtocol versions (complete handshakes):\n");
  for (ProtocolVersion v : kVersions) {
    std::printf("  0x%04x  %-8s (%s)\n", static_cast<unsigned>(v), iana_name(v).c_str(),
                openssl_name(v).c_str());
  }
  print_suites();
  std::printf("\nKey exchange groups:\n");
  for (NamedGroup g : kGroups) {
    std::printf("  0x%04x  %-10s (%s)\n", static_cast<unsigned>(g), iana_name(g).c_str(),
                openssl_name(g).c_str());
  }
  std::printf("\nSignature schemes:\n");
  for (SignatureScheme s : kSchemes) {
    std::printf("  0x%04x  %-24s (%s)\n", static_cast<unsigned>(s), iana_name(s).c_str(),
                openssl_name(s).c_str());
  }
  const bool rc4 = load_legacy_provider().ok();
  std::printf("\nRC4 through OpenSSL's legacy provider: %s\n", rc4 ? "available" : "unavailable");
  return 0;
}

}  // namespace

Command add_info_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "info", "Print the versions, cipher suites, groups and signature schemes the engine speaks");
  return {sub, run};
}

}  // namespace gauntlet::cli
