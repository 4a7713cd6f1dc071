// The client's side of TLS 1.3 client authentication in the handshake (RFC
// 8446 §4.3.2, §4.4.2, §4.4.3): the server's CertificateRequest, then our
// Certificate (empty when no identity of ours fits, §4.4.2.4) and our
// CertificateVerify under the client's context string.
#include <algorithm>

#include "engine/connection/client_handshake.h"
#include "engine/connection/extensions/extension.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/negotiation.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"

namespace gauntlet {

using namespace client_phase;

Status ClientHandshake::on_certificate_request_13(Link&, ByteView body) {
  auto cr = CertificateRequest13::parse(body);
  if (!cr) return cr.error();
  const std::optional<Extensions> block = cr->extensions;
  if (auto st = check_tls13_placement(ExtensionContext::certificate_request, block); !st) {
    return st;
  }
  // §4.3.2: empty unless the request comes after the handshake.
  if (!cr->certificate_request_context.empty()) {
    return illegal_parameter("CertificateRequest in the handshake with a context");
  }
  const auto* schemes =
      body_as<SignatureAlgorithms>(find_body(block, ExtensionType::signature_algorithms));
  if (!schemes) {
    return Error{AlertDescription::missing_extension,
                 "CertificateRequest without signature_algorithms"};
  }
  hello_.facts.certificate_request = true;
  phase_ = Requested13{std::move(cr->certificate_request_context), schemes->values};
  return ok_status();
}

// Our first identity that signs with a scheme both sides take (§4.2.3);
// none: an empty Certificate, and no CertificateVerify.
Answering13 ClientHandshake::answer_request_13(const Config& c, Requested13 request) {
  for (const Identity& id : c.identities) {
    if (id.chain.empty()) continue;
    for (const SignatureScheme s : c.signature_schemes) {
      if (std::ranges::find(request.schemes, s) == request.schemes.end()) continue;
      if (tls13_signature_params(s, id.key.type())) {
        hello_.facts.client_certificate = true;
        return Answering13{&id, s, std::move(request.context)};
      }
    }
  }
  hello_.facts.client_certificate = false;
  return Answering13{nullptr, std::nullopt, std::move(request.context)};
}

Status ClientHandshake::send_certificate_13(Link& link) {
  const auto* answer = std::get_if<Answering13>(&phase_);
  if (!answer) return internal_error("our TLS 1.3 Certificate outside its phase");
  Certificate13 cert{answer->context, {}};
  if (answer->identity) {
    for (Bytes& der : chain_der(answer->identity->chain)) {
      cert.certificate_list.push_back({std::move(der), Extensions{}});
    }
  }
  return send_message(link, HandshakeType::certificate, cert.serialize());
}

Status ClientHandshake::send_certificate_verify_13(Link& link) {
  const auto* answer = std::get_if<Answering13>(&phase_);
  if (!answer || !answer->identity || !answer->scheme) {
    return internal_error("our TLS 1.3 CertificateVerify outside its phase");
  }
  const HashAlgorithm hash = hello_.suite.get().prf_hash;
  auto sig = sign_certificate_verify(answer->identity->key, *answer->scheme,
                                     CertificateVerifySigner::client, transcript_.digest(hash));
  if (!sig) return sig.error();
  CertificateVerify cv{DigitallySigned{*answer->scheme, std::move(sig).value()}};
  phase_ = Between{};
  return send_message(link, HandshakeType::certificate_verify, cv.serialize());
}

}  // namespace gauntlet
