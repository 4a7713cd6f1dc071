#include "engine/connection/config.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <iterator>

namespace gauntlet {

bool Identity::matches(const std::string& host) const {
  return !chain.empty() &&
         X509_check_host(chain.front().get(), host.data(), host.size(), 0, nullptr) == 1;
}

Result<Identity> load_identity(const std::string& chain_file, const std::string& key_file) {
  auto chain = load_certificates_file(chain_file);
  if (!chain) return chain.error();
  auto key = load_private_key_file(key_file);
  if (!key) return key.error();
  // A key that is not the leaf's would sign every handshake wrongly: refuse
  // the pair here, at startup, rather than fail each peer later.
  if (chain->empty() || X509_check_private_key(chain->front().get(), key->get()) != 1) {
    ERR_clear_error();
    return internal_error("the private key in " + key_file + " does not match the certificate in " +
                          chain_file);
  }
  return Identity{std::move(chain).value(), std::move(key).value()};
}

Config::Config()
    : cipher_suites([] {
        std::vector<CipherSuite> all = tls13_cipher_suites();
        std::ranges::copy(default_cipher_suites(), std::back_inserter(all));
        return all;
      }()),
      groups{NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1,
             NamedGroup::ffdhe2048, NamedGroup::ffdhe3072},
      signature_schemes{SignatureScheme::ecdsa_secp256r1_sha256,
                        SignatureScheme::ecdsa_secp384r1_sha384,
                        SignatureScheme::rsa_pss_rsae_sha256,
                        SignatureScheme::rsa_pss_rsae_sha384,
                        SignatureScheme::rsa_pss_rsae_sha512,
                        SignatureScheme::rsa_pss_pss_sha256,
                        SignatureScheme::rsa_pss_pss_sha384,
                        SignatureScheme::rsa_pss_pss_sha512,
                        SignatureScheme::rsa_pkcs1_sha256,
                        SignatureScheme::rsa_pkcs1_sha384,
                        SignatureScheme::rsa_pkcs1_sha512,
                        SignatureScheme::dsa_sha256,
                        SignatureScheme::rsa_pkcs1_sha1,
                        SignatureScheme::ecdsa_sha1,
                        SignatureScheme::dsa_sha1},
      random(std::make_shared<SystemRandom>()),
      clock(std::make_shared<SystemClock>()) {
  for (const Ssl2CipherKindInfo& k : all_ssl2_cipher_kinds()) ssl2_cipher_kinds.push_back(k.kind);
}

std::vector<CipherSuite> default_cipher_suites() {
  using S = CipherSuite;
  return {S::ecdhe_ecdsa_with_aes_128_gcm_sha256,
          S::ecdhe_rsa_with_aes_128_gcm_sha256,
          S::ecdhe_ecdsa_with_aes_256_gcm_sha384,
          S::ecdhe_rsa_with_aes_256_gcm_sha384,
          S::ecdhe_ecdsa_with_chacha20_poly1305_sha256,
          S::ecdhe_rsa_with_chacha20_poly1305_sha256,
          S::dhe_rsa_with_aes_128_gcm_sha256,
          S::dhe_rsa_with_aes_256_gcm_sha384,
          S::dhe_rsa_with_chacha20_poly1305_sha256,
          S::ecdhe_ecdsa_with_aes_128_cbc_sha256,
          S::ecdhe_rsa_with_aes_128_cbc_sha256,
          S::ecdhe_ecdsa_with_aes_256_cbc_sha384,
          S::ecdhe_rsa_with_aes_256_cbc_sha384,
          S::ecdhe_ecdsa_with_aes_128_cbc_sha,
          S::ecdhe_rsa_with_aes_128_cbc_sha,
          S::ecdhe_ecdsa_with_aes_256_cbc_sha,
          S::ecdhe_rsa_with_aes_256_cbc_sha,
          S::dhe_rsa_with_aes_128_cbc_sha256,
          S::dhe_rsa_with_aes_256_cbc_sha256,
          S::dhe_rsa_with_aes_128_cbc_sha,
          S::dhe_rsa_with_aes_256_cbc_sha,
          S::rsa_with_aes_128_gcm_sha256,
          S::rsa_with_aes_256_gcm_sha384,
          S::rsa_with_aes_128_cbc_sha256,
          S::rsa_with_aes_256_cbc_sha256,
          S::rsa_with_aes_128_cbc_sha,
          S::rsa_with_aes_256_cbc_sha};
}

std::vector<CipherSuite> tls13_cipher_suites() {
  using S = CipherSuite;
  return {S::aes_128_gcm_sha256, S::aes_256_gcm_sha384, S::chacha20_poly1305_sha256,
          S::aes_128_ccm_sha256, S::aes_128_ccm_8_sha256};
}

std::vector<CipherSuite> all_engine_cipher_suites() {
  // The defaults first, then the weaker ones, NULL encryption last: a peer
  // given this list still prefers what it should.
  std::vector<CipherSuite> out = default_cipher_suites();
  std::vector<CipherSuite> null_suites;
  for (const CipherSuiteInfo& info : all_cipher_suites()) {
    if (!info.engine_supported || info.suite == CipherSuite::null_with_null_null) continue;
    if (info.key_exchange == KeyExchange::scsv || info.key_exchange == KeyExchange::tls13) continue;
    if (std::ranges::find(out, info.suite) != out.end()) continue;
    (info.cipher == CipherAlgorithm::null ? null_suites : out).push_back(info.suite);
  }
  out.insert(out.end(), null_suites.begin(), null_suites.end());
  return out;
}

}  // namespace gauntlet
