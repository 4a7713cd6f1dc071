// The client's side of TLS 1.3 client authentication in the handshake (RFC
// 8446 §4.3.2, §4.4.2, §4.4.3): the server's CertificateRequest, then our
// Certificate (empty when no identity of ours fits, §4.4.2.4) and our
// CertificateVerify under the client's context string.
#include "engine/connection/authentication_13.h"
#include "engine/connection/client_handshake.h"
#include "engine/connection/signing.h"
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
  const ClientAnswer13 answer = choose_client_identity_13(c, request.schemes);
  hello_.facts.client_certificate = answer.identity != nullptr;
  return Answering13{answer.identity, answer.scheme, std::move(request.context)};
}

Status ClientHandshake::send_certificate_13(Link& link) {
  const auto* answer = std::get_if<Answering13>(&phase_);
  if (!answer) return internal_error("our TLS 1.3 Certificate outside its phase");
  return send_message(
      link, HandshakeType::certificate,
      certificate_13(link.config.bugs.certificate_request_context.value_or(answer->context),
                     answer->identity)
          .serialize());
}

Status ClientHandshake::send_certificate_verify_13(Link& link) {
  const auto* answer = std::get_if<Answering13>(&phase_);
  if (!answer || !answer->identity || !answer->scheme) {
    return internal_error("our TLS 1.3 CertificateVerify outside its phase");
  }
  const Bugs& bugs = link.config.bugs;
  const HashAlgorithm hash = hello_.suite.get().prf_hash;
  auto cv = our_certificate_verify_13(link.config, answer->identity->key, *answer->scheme,
                                      CertificateVerifySigner::client, transcript_.digest(hash));
  if (!cv) return cv.error();
  // bugs: a scheme TLS 1.3 may forbid (§4.4.3: PKCS #1 v1.5), signed as
  // TLS 1.2 would sign it, over the TLS 1.3 content.
  if (bugs.client_signature_scheme) {
    auto other = sign_handshake(
        ProtocolVersion::tls12, answer->identity->key, bugs.client_signature_scheme,
        certificate_verify_content(CertificateVerifySigner::client, transcript_.digest(hash)));
    if (!other) return other.error();
    cv->signature = std::move(other).value();
  }
  if (bugs.corrupt_certificate_verify && !cv->signature.signature.empty()) {
    cv->signature.signature.back() ^= 1;
  }
  phase_ = Between{};
  return send_message(link, HandshakeType::certificate_verify, cv->serialize());
}

}  // namespace gauntlet
