// The server's side of TLS 1.3 client authentication in the handshake (RFC
// 8446 §4.3.2, §4.4.2, §4.4.3): our CertificateRequest when Config asks for
// client certificates, the client's Certificate (empty: certificate_required
// when required, §4.4.2.4) and its CertificateVerify under the client's
// context string.
#include "engine/connection/authentication_13.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/server_handshake.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"

namespace gauntlet {

using namespace server_phase;

// §4.3.2: an empty context in the handshake; signature_algorithms names
// the schemes we verify.
Status ServerHandshake::send_certificate_request_13(Link& link) {
  return send_message(link, HandshakeType::certificate_request,
                      certificate_request_13(link.config, {}).serialize());
}

Status ServerHandshake::on_certificate_13(Link& link, ByteView body) {
  const Config& c = link.config;
  auto parsed = Certificate13::parse(body);
  if (!parsed) return parsed.error();
  if (!parsed->certificate_request_context.empty()) {
    return illegal_parameter("client Certificate with a context our request did not have");
  }
  if (parsed->certificate_list.empty()) {
    hello_.facts.client_certificate = false;
    if (c.client_auth == ClientAuth::required) {
      return Error{AlertDescription::certificate_required, "client sent no certificate"};
    }
    return ok_status();
  }
  if (auto st = take_peer_chain_13(c, *parsed); !st) return st;
  if (c.trust) {
    if (auto st = verify_chain(*c.trust, peer_chain_, std::nullopt, c.clock->now(),
                               Purpose::client);
        !st) {
      return st;
    }
  }
  auto key = peer_chain_.front().public_key();
  if (!key) return key.error();
  phase_ = VerifyingClient{std::move(key).value()};
  hello_.facts.client_certificate = true;
  return ok_status();
}

// §4.4.3: a scheme our request named, over the transcript through the
// client's Certificate.
Status ServerHandshake::on_certificate_verify_13(Link& link, ByteView body) {
  const auto* verifying = std::get_if<VerifyingClient>(&phase_);
  if (!verifying) return internal_error("CertificateVerify before the client's certificate");
  if (auto scheme = check_certificate_verify_13(link, body, verifying->client_key); !scheme) {
    return scheme.error();
  }
  phase_ = Between{};
  return ok_status();
}

}  // namespace gauntlet
