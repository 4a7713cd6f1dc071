// The client's side of TLS 1.3 client authentication in the handshake (RFC
// 8446 §4.3.2, §4.4.2, §4.4.3): the server's CertificateRequest, then our
// Certificate (empty when no identity of ours fits, §4.4.2.4) and our
// CertificateVerify under the client's context string.
#include "engine/connection/authentication_13.h"
#include "engine/connection/client_handshake.h"
#include "engine/connection/our_certificate_verify_13.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"

namespace gauntlet {

using namespace client_phase;

Status ClientHandshake::on_certificate_request_13(Link&, ByteView body) {
  auto cr = CertificateRequest13::parse(body);
  if (!cr) return cr.error();
  auto schemes = requested_schemes_13(*cr);
  if (!schemes) return schemes.error();
  // §4.3.2: empty unless the request comes after the handshake.
  if (!cr->certificate_request_context.empty()) {
    return illegal_parameter("CertificateRequest in the handshake with a context");
  }
  hello_.facts.certificate_request = true;
  phase_ = Requested13{std::move(cr->certificate_request_context), std::move(schemes).value()};
  return ok_status();
}

Answering13 ClientHandshake::answer_request_13(const Config& c, Requested13 request) {
  std::optional<ClientSigner13> signer = choose_client_identity_13(c, request.schemes);
  hello_.facts.client_certificate = signer.has_value();
  return Answering13{std::move(signer), std::move(request.context)};
}

Status ClientHandshake::send_certificate_13(Link& link) {
  auto* answer = std::get_if<Answering13>(&phase_);
  if (!answer) return internal_error("our TLS 1.3 Certificate outside its phase");
  Bytes context = link.config.bugs.certificate_request_context.value_or(answer->context);
  auto sent = send_message(link, HandshakeType::certificate,
                           certificate_13(std::move(context), answer->signer).serialize());
  if (!sent) return sent;
  if (answer->signer) {
    phase_ = Certifying13{*answer->signer};
  } else {
    phase_ = Between{};
  }
  return ok_status();
}

Status ClientHandshake::send_certificate_verify_13(Link& link) {
  const auto* certifying = std::get_if<Certifying13>(&phase_);
  if (!certifying) return internal_error("our TLS 1.3 CertificateVerify outside its phase");
  const ClientSigner13 signer = certifying->signer;
  auto cv = handshake_certificate_verify_13(
      link.config, CertificateVerifySigner::client, signer.identity.get().key, signer.scheme,
      transcript_.digest(hello_.suite.get().prf_hash));
  if (!cv) return cv.error();
  phase_ = Between{};
  return send_message(link, HandshakeType::certificate_verify, cv->serialize());
}

}  // namespace gauntlet
