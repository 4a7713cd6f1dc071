#include "conformance/scenario/suite_selectors.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "engine/connection/config.h"

namespace gauntlet::conformance {

namespace {

using S = CipherSuite;

// A CBC suite every version has and an AEAD suite of TLS 1.2, per key
// exchange, and TLS 1.3's mandatory suite (RFC 8446 §9.1).
constexpr S kDefault[] = {
    S::aes_128_gcm_sha256,
    S::rsa_with_aes_128_cbc_sha,          S::rsa_with_aes_128_gcm_sha256,
    S::ecdhe_rsa_with_aes_128_cbc_sha,    S::ecdhe_rsa_with_aes_128_gcm_sha256,
    S::dhe_rsa_with_aes_128_cbc_sha,      S::dhe_rsa_with_aes_128_gcm_sha256,
    S::ecdhe_ecdsa_with_aes_128_cbc_sha,  S::ecdhe_ecdsa_with_aes_128_gcm_sha256,
    S::dhe_dss_with_aes_128_cbc_sha,      S::dhe_dss_with_aes_128_gcm_sha256,
};

struct CipherForm {
  std::string_view name;
  std::vector<S> suites;
};

// Record-protection representatives: each MAC and block size of a form.
const std::vector<CipherForm>& cipher_forms() {
  static const std::vector<CipherForm> forms{
      {"cbc",
       {S::rsa_with_aes_128_cbc_sha, S::rsa_with_aes_256_cbc_sha256,
        S::ecdhe_rsa_with_aes_256_cbc_sha384, S::rsa_with_3des_ede_cbc_sha}},
      {"aead",
       {S::rsa_with_aes_128_gcm_sha256, S::ecdhe_rsa_with_aes_256_gcm_sha384,
        S::ecdhe_rsa_with_chacha20_poly1305_sha256}},
      {"stream", {S::rsa_with_rc4_128_sha, S::rsa_with_rc4_128_md5}},
      {"null", {S::rsa_with_null_sha, S::rsa_with_null_sha256}},
  };
  return forms;
}

}  // namespace

Result<std::vector<CipherSuite>> resolve_suite_selector(const std::string& selector) {
  if (selector == "default") return std::vector<S>(std::begin(kDefault), std::end(kDefault));
  if (selector == "all") {
    std::vector<S> out = tls13_cipher_suites();
    std::ranges::copy(all_engine_cipher_suites(), std::back_inserter(out));
    return out;
  }
  if (selector.starts_with("kx:")) {
    std::string name = selector.substr(3);
    std::ranges::transform(name, name.begin(), [](unsigned char c) { return std::toupper(c); });
    const auto kx = key_exchange_from_name(name);
    if (!kx) return decode_error("unknown key exchange in '" + selector + "'");
    std::vector<S> out;
    std::ranges::copy_if(kDefault, std::back_inserter(out),
                         [&](S s) { return cipher_suite_info(s)->key_exchange == *kx; });
    if (out.empty()) return decode_error("no suites for '" + selector + "'");
    return out;
  }
  if (selector.starts_with("cipher:")) {
    for (const auto& form : cipher_forms())
      if (form.name == selector.substr(7)) return form.suites;
    return decode_error("unknown cipher form in '" + selector + "' (cbc, aead, stream, null)");
  }
  const auto s = cipher_suite_from_name(selector);
  const CipherSuiteInfo* info = s ? cipher_suite_info(*s) : nullptr;
  if (!info || !info->engine_supported || is_signalling(*s)) {
    return decode_error("unknown cipher suite or selector '" + selector + "'");
  }
  return std::vector<S>{*s};
}

}  // namespace gauntlet::conformance
