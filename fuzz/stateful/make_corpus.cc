// Writes the seed corpora of fuzz/client and fuzz/server: engine against
// engine in fuzzer mode, one handshake per setting and suite, each side's
// bytes saved behind the settings header, as the other side's target reads
// them; each variant target (variants.h) gets the inputs whose settings it
// pins already; then TLS 1.3 peers bent as no engine conversation goes,
// each seed checked to end in the alert it is for. Usage: make_corpus
// CORPORA_DIR (writes CORPORA_DIR/{client,server}[_VARIANT]).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "engine/connection/negotiation.h"
#include "engine/crypto/ssl2_cipher.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"
#include "engine/messages/tls13/encrypted_extensions.h"
#include "fuzz/stateful/conversation.h"
#include "fuzz/stateful/fuzzer_framing.h"
#include "fuzz/stateful/variants.h"

namespace {

using namespace gauntlet;
using namespace gauntlet::fuzzing;

Settings tls13_setting(const std::string& name) {
  for (const auto& [setting, s] : tls13_settings())
    if (setting == name) return s;
  std::fprintf(stderr, "no TLS 1.3 setting %s\n", name.c_str());
  std::exit(1);
}

// Whether the fuzzed side of `role`, fed `stream` under `s`, stops with
// `alert`: the seed reaches the check it is for.
bool ends_in(const std::string& role, const Settings& s, ByteView stream, AlertDescription alert) {
  Connection c = role == "client" ? Connection::client(client_config(s), client_options(s))
                                  : Connection::server(server_config(s));
  (void)c.take_output();
  run(c, stream, s);
  if (c.error() && c.error()->alert == alert) return true;
  std::fprintf(stderr, "%s: %s\n", role.c_str(),
               c.error() ? c.error()->to_string().c_str() : "no error");
  return false;
}

// The message edits below: each parses what our engine wrote and writes it
// back changed; a message that does not parse leaves the seed unmade.
template <typename Message>
MessageEdit edit_as(std::function<void(Message&)> change) {
  return [change](Bytes& body) {
    auto m = Message::parse(body);
    if (!m) return;
    change(*m);
    if (auto written = m->serialize()) body = std::move(written).value();
  };
}

// §4.4.2: a certificate whose signature no longer matches (its last byte,
// inside the signature BIT STRING, flipped): still DER, but no longer the
// anchor it was nor signed by it (unknown_ca).
const MessageEdit kAlterLeaf = edit_as<Certificate13>([](Certificate13& m) {
  if (!m.certificate_list.empty()) m.certificate_list.front().cert_data.back() ^= 1;
});
const MessageEdit kRequestContext = edit_as<CertificateRequest13>(
    [](CertificateRequest13& m) { m.certificate_request_context = {0x2a}; });
const MessageEdit kCertificateContext =
    edit_as<Certificate13>([](Certificate13& m) { m.certificate_request_context = {0x2a}; });
// §4.4.2: post_handshake_auth belongs in a ClientHello, not a CertificateEntry.
const MessageEdit kMisplacedExtension = edit_as<Certificate13>([](Certificate13& m) {
  if (m.certificate_list.empty()) return;
  m.certificate_list.front().extensions.list.push_back(
      {ExtensionType::post_handshake_auth, PostHandshakeAuth{}});
});
// §4.2.10: the early data taken, but in another suite of the ticket's hash,
// or under another ALPN protocol than the ticket's ("h2").
const MessageEdit kOtherSuite = edit_as<ServerHello>(
    [](ServerHello& m) { m.cipher_suite = CipherSuite::chacha20_poly1305_sha256; });
const MessageEdit kOtherAlpn = edit_as<EncryptedExtensions>([](EncryptedExtensions& m) {
  for (Extension& e : m.extensions.list)
    if (auto* alpn = std::get_if<Alpn>(&e.body)) alpn->protocols = {"http/1.1"};
});

}  // namespace

int main(int argc, char** argv) {
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
  // What a peer may send and our engine does not, each ending in the
  // fuzzed side's alert (the conversation does not complete): bent by Bugs
  // as the conformance runner bends it, or one message of a whole
  // conversation edited. Named TLSv1.3-SETTING-WHAT.
  struct Bent {
    std::string setting, what, role;  // role: the fuzzed side
    AlertDescription alert;
    std::function<void(Settings&)> set = nullptr;
    std::function<void(Config&)> offer = nullptr;
    std::optional<HandshakeType> message = std::nullopt;
    MessageEdit edit = nullptr;
  };
  const Bent bent[] = {
      // §4.4.2.4: no certificate where one is required.
      {"client-auth", "required-no-certificate", "server", AlertDescription::certificate_required,
       [](Settings& s) { s.require_client_auth = true; }, [](Config& c) { c.identities.clear(); }},
      // §4.4.2: a client Certificate whose context our request did not have.
      {"client-auth", "certificate-context", "server", AlertDescription::illegal_parameter, nullptr,
       [](Config& c) { c.bugs.certificate_request_context = Bytes{0x2a}; }},
      {"client-auth", "misplaced-extension", "server", AlertDescription::illegal_parameter, nullptr,
       nullptr, HandshakeType::certificate, kMisplacedExtension},
      {"client-auth-verified", "altered-chain", "server", AlertDescription::unknown_ca,
       nullptr, nullptr, HandshakeType::certificate, kAlterLeaf},
      // §4.3.2: a CertificateRequest in the handshake has no context.
      {"client-auth", "request-context", "client", AlertDescription::illegal_parameter, nullptr,
       nullptr, HandshakeType::certificate_request, kRequestContext},
      {"1rtt", "certificate-context", "client", AlertDescription::illegal_parameter, nullptr,
       nullptr, HandshakeType::certificate, kCertificateContext},
      {"1rtt", "verified-altered-chain", "client", AlertDescription::unknown_ca,
       [](Settings& s) { s.verify_peer = true; }, nullptr, HandshakeType::certificate, kAlterLeaf},
      {"early-data", "other-suite", "client", AlertDescription::illegal_parameter, nullptr,
       nullptr, HandshakeType::server_hello, kOtherSuite},
      {"early-data", "other-alpn", "client", AlertDescription::illegal_parameter, nullptr, nullptr,
       HandshakeType::encrypted_extensions, kOtherAlpn},
  };
  for (const Bent& b : bent) {
    Settings s = tls13_setting(b.setting);
    if (b.set) b.set(s);
    const Conversation t = converse(
        s,
        [&](Config& c) {
          c.cipher_suites = {CipherSuite::aes_128_gcm_sha256};
          if (b.offer) b.offer(c);
        },
        false);
    Bytes stream = b.role == "client" ? t.from_server : t.from_client;
    if (b.message) {
      auto edited = edit_fuzzer_message(stream, *b.message, b.edit);
      if (!edited) {
        std::fprintf(stderr, "no %s to edit: %s\n", iana_name(*b.message).c_str(),
                     b.what.c_str());
        return 1;
      }
      stream = std::move(edited).value();
    }
    const std::string name = "TLSv1.3-" + b.setting + "-" + b.what;
    if (!ends_in(b.role, s, stream, b.alert)) {
      std::fprintf(stderr, "seed %s does not end in %s\n", name.c_str(),
                   iana_name(b.alert).c_str());
      return 1;
    }
    written += save_seed(out, b.role, name, s, stream);
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
