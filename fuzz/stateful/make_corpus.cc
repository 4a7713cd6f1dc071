// Writes the seed corpora of fuzz/client and fuzz/server: engine against
// engine in fuzzer mode, one handshake per setting and suite, each side's
// bytes saved behind the settings header, as the other side's target reads
// them; each variant target (variants.h) gets the inputs whose settings it
// pins already. Usage: make_corpus CORPORA_DIR (writes
// CORPORA_DIR/{client,server}[_VARIANT]).
#include <cstdio>
#include <filesystem>
#include <string>

#include "engine/connection/negotiation.h"
#include "engine/crypto/ssl2_cipher.h"
#include "fuzz/stateful/conversation.h"
#include "fuzz/stateful/variants.h"

int main(int argc, char** argv) {
  using namespace gauntlet;
  using namespace gauntlet::fuzzing;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPORA_DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out(argv[1]);
  const CipherSuite suites[] = {
      CipherSuite::rsa_with_aes_128_cbc_sha, CipherSuite::dhe_rsa_with_aes_128_cbc_sha,
      CipherSuite::dhe_dss_with_aes_128_cbc_sha, CipherSuite::ecdhe_rsa_with_aes_128_cbc_sha,
      CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, CipherSuite::rsa_with_rc4_128_sha};
  int written = 0;
  for (const ProtocolVersion v : {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                  ProtocolVersion::tls11, ProtocolVersion::tls12}) {
    for (int variant = 0; variant < 6; ++variant) {
      Settings s;
      s.max_version = v;
      s.extended_master_secret = s.encrypt_then_mac = variant % 2 == 1;
      s.client_auth = variant == 1 || variant == 2;
      s.require_client_auth = variant == 2;
      s.tickets = variant == 3;
      s.resumption = variant == 4;
      s.renegotiation = s.after_handshake = variant == 5;
      for (const CipherSuite suite : suites) {
        const CipherSuiteInfo& info = *cipher_suite_info(suite);
        if (!suite_usable(info, v)) continue;
        for (const bool server_renegotiates : {false, true}) {
          if (server_renegotiates && variant != 5) continue;
          const Conversation t = converse(
              s, [&](Config& c) { c.cipher_suites = {suite}; }, server_renegotiates);
          if (!t.completed) {
            std::fprintf(stderr, "no handshake: %s variant %d %s\n", iana_name(v).c_str(),
                         variant, iana_name(suite).c_str());
            return 1;
          }
          const std::string name = openssl_name(v) + "-" + std::to_string(variant) + "-" +
                                   std::string(info.openssl) +
                                   (server_renegotiates ? "-server-reneg" : "");
          written += save_seed(out, "client", name, s, t.from_server);
          written += save_seed(out, "server", name, s, t.from_client);
        }
      }
    }
  }
  // TLS 1.3: each suite in each setting.
  for (const CipherSuite suite : tls13_cipher_suites()) {
    for (const auto& [setting, s] : tls13_settings()) {
      const Conversation t = converse(
          s, [&](Config& c) { c.cipher_suites = {suite}; }, false);
      if (!t.completed) {
        std::fprintf(stderr, "no TLS 1.3 handshake: %s %s\n", setting.c_str(),
                     iana_name(suite).c_str());
        return 1;
      }
      const std::string name = "TLSv1.3-" + setting + "-" + iana_name(suite);
      written += save_seed(out, "client", name, s, t.from_server);
      written += save_seed(out, "server", name, s, t.from_client);
    }
  }
  // A client with no certificate answers a request with an empty Certificate
  // (RFC 8446 §4.4.2.4), in the handshake and after it: the server's side.
  for (const auto& [setting, s] : tls13_settings()) {
    if (setting != "client-auth" && setting != "post-handshake-auth") continue;
    const Conversation t = converse(s, [](Config& c) { c.identities.clear(); }, false);
    if (!t.completed || !t.server.peer_chain.empty()) {
      std::fprintf(stderr, "no TLS 1.3 handshake without a client certificate: %s\n",
                   setting.c_str());
      return 1;
    }
    written += save_seed(out, "server", "TLSv1.3-" + setting + "-no-certificate", s, t.from_client);
  }
  // SSL 2.0: each kind this libcrypto has, full; with a client certificate
  // asked (optional) and required; reusing the shared session.
  for (const Ssl2CipherKindInfo& k : all_ssl2_cipher_kinds()) {
    if (!ssl2_cipher_available(k.kind)) continue;
    for (int variant = 0; variant < 4; ++variant) {
      Settings s;
      s.min_version = s.max_version = ProtocolVersion::ssl2;
      s.client_auth = variant == 1 || variant == 2;
      s.require_client_auth = variant == 2;
      s.resumption = variant == 3;
      const Conversation t = converse(
          s, [&](Config& c) { c.ssl2_cipher_kinds = {k.kind}; }, false);
      if (!t.completed) {
        std::fprintf(stderr, "no SSL 2.0 handshake: variant %d %s\n", variant,
                     iana_name(k.kind).c_str());
        return 1;
      }
      const std::string name = "SSLv2-" + std::to_string(variant) + "-" + openssl_name(k.kind);
      written += save_seed(out, "client", name, s, t.from_server);
      written += save_seed(out, "server", name, s, t.from_client);
    }
  }
  std::printf("wrote %d inputs under %s\n", written, out.c_str());
  return 0;
}
