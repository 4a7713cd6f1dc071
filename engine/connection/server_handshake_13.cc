// The rest of the server's TLS 1.3 flight (RFC 8446 §4.3.1, §4.4.2, §4.4.3):
// EncryptedExtensions from the extension rows, our Certificate, and
// CertificateVerify over the transcript through it. Finished is the shared
// row (handshake_13.cc).
#include "engine/connection/authentication_13.h"
#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/our_certificate_verify_13.h"
#include "engine/connection/server_handshake.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/encrypted_extensions.h"

namespace gauntlet {

using namespace server_phase;

Status ServerHandshake::send_encrypted_extensions(Link& link) {
  HelloScope scope = hello_scope(link);
  EncryptedExtensions ee{
      reply_extensions(scope, ExtensionContext::encrypted_extensions).value_or(Extensions{})};
  apply_encrypted_extensions_bugs(link.config.bugs, ee.extensions);
  if (auto st = send_message(link, HandshakeType::encrypted_extensions, ee.serialize()); !st) {
    return st;
  }
  apply_fragment_limits(link, Direction::send);
  apply_fragment_limits(link, Direction::receive);
  return ok_status();
}

Status ServerHandshake::send_certificate_13(Link& link) {
  const auto* chosen = std::get_if<Chosen13>(&phase_);
  if (!chosen) return internal_error("our TLS 1.3 Certificate outside its phase");
  Certificate13 cert;
  for (Bytes& der : chain_der(chosen->identity.get().chain)) {
    cert.certificate_list.push_back({std::move(der), Extensions{}});
  }
  append_raw_extensions(link.config.bugs.certificate_extensions,
                        cert.certificate_list.front().extensions);
  return send_message(link, HandshakeType::certificate, cert.serialize());
}

Status ServerHandshake::send_certificate_verify_13(Link& link) {
  const auto* chosen = std::get_if<Chosen13>(&phase_);
  if (!chosen) return internal_error("our TLS 1.3 CertificateVerify outside its phase");
  auto cv = handshake_certificate_verify_13(link.config, CertificateVerifySigner::server,
                                            chosen->identity.get().key, chosen->scheme,
                                            transcript_.digest(hello_.suite.get().prf_hash));
  if (!cv) return cv.error();
  phase_ = Between{};
  return send_message(link, HandshakeType::certificate_verify, cv->serialize());
}

}  // namespace gauntlet
