// The server's full handshake after ServerHello (RFC 5246 §7.4.2–7.4.8): the
// rest of our flight, the client's phase by phase, and our NewSessionTicket
// (RFC 5077 §3.3).
#include "engine/connection/server_handshake.h"

#include "engine/connection/negotiation.h"
#include "engine/connection/signing.h"
#include "engine/crypto/rsa.h"
#include "engine/crypto/ssl3.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/empty_messages.h"
#include "engine/messages/handshake/new_session_ticket.h"
#include "engine/messages/handshake/server_key_exchange.h"

namespace gauntlet {

using namespace server_phase;

namespace {

Error out_of_phase(const char* what) {
  return internal_error(std::string(what) + " outside its phase of the server handshake");
}

}  // namespace

Status ServerHandshake::request_renegotiation(Link& link) {
  return send_message(link, HandshakeType::hello_request, Bytes{});
}

Status ServerHandshake::send_certificate(Link& link) {
  const auto* chosen = std::get_if<Chosen>(&phase_);
  if (!chosen) return out_of_phase("our Certificate");
  CertificateMessage cert{chain_der(chosen->identity.get().chain)};
  return send_message(link, HandshakeType::certificate, cert.serialize());
}

Status ServerHandshake::send_server_key_exchange(Link& link) {
  const auto* chosen = std::get_if<Chosen>(&phase_);
  if (!chosen) return out_of_phase("our ServerKeyExchange");
  const Config& c = link.config;
  const auto* dh = std::get_if<DhParams>(&chosen->plan);
  const auto* group = std::get_if<NamedGroup>(&chosen->plan);
  if (!dh && !group) return out_of_phase("our ServerKeyExchange");
  auto eph = dh ? EphemeralKey::generate_dh(*dh, *c.random)
                : EphemeralKey::generate_ec(*group, *c.random);
  if (!eph) return eph.error();
  ServerKeyExchange ske;
  if (dh) {
    ske.params = ServerDhParams{dh->p, dh->g, dh_public_value_as_sent(c.bugs, dh->p, eph->public_value())};
  } else {
    ske.params = ServerEcdhParams{*group, c.bugs.public_value.value_or(eph->public_value())};
  }
  auto params = ske.params_bytes();
  if (!params) return params.error();
  const HelloState& h = hello_;
  Bytes content = h.client_random;
  content.insert(content.end(), h.server_random.begin(), h.server_random.end());
  content.insert(content.end(), params->begin(), params->end());
  auto sig = sign_handshake(h.version, chosen->identity.get().key, chosen->scheme, content);
  if (!sig) return sig.error();
  ske.signed_params = std::move(sig).value();
  phase_ = Shared{std::move(eph).value()};
  return send_message(link, HandshakeType::server_key_exchange, ske.serialize());
}

Status ServerHandshake::send_certificate_request(Link& link) {
  const ProtocolVersion v = hello_.version;
  CertificateRequest cr;
  cr.certificate_types = {ClientCertificateType::rsa_sign, ClientCertificateType::dss_sign};
  if (v > ProtocolVersion::ssl3) cr.certificate_types.push_back(ClientCertificateType::ecdsa_sign);
  if (v >= ProtocolVersion::tls12) cr.supported_signature_algorithms = link.config.signature_schemes;
  return send_message(link, HandshakeType::certificate_request, cr.serialize());
}

Status ServerHandshake::send_server_hello_done(Link& link) {
  return send_message(link, HandshakeType::server_hello_done, ServerHelloDone{}.serialize());
}

Status ServerHandshake::on_certificate(Link& link, ByteView body) {
  const Config& c = link.config;
  auto parsed = CertificateMessage::parse(body);
  if (!parsed) return parsed.error();
  if (parsed->certificate_list.empty()) return without_client_certificate(link);
  auto chain = parse_chain(c, *parsed);
  if (!chain) return chain.error();
  if (c.trust) {
    if (auto st = verify_chain(*c.trust, *chain, std::nullopt, c.clock->now(), Purpose::client);
        !st) {
      return st;
    }
  }
  auto key = chain->front().public_key();
  if (!key) return key.error();
  if (!certificate_type_for(key->type())) {
    return Error{AlertDescription::unsupported_certificate,
                 "client certificate with a " + key_type_name(key->type()) + " key"};
  }
  peer_chain_ = std::move(chain).value();
  client_key_ = std::move(key).value();
  hello_.facts.client_certificate = true;
  return ok_status();
}

Status ServerHandshake::on_no_certificate_alert(Link& link) {
  // Anywhere but in SSL 3.0 the alert is out of place.
  if (hello_.version != ProtocolVersion::ssl3) {
    return Error{AlertDescription::unexpected_message, "no_certificate alert outside SSL 3.0"};
  }
  if (auto st = order_.accept(Role::client, wire(HandshakeType::certificate), hello_.facts);
      !st) {
    return st;
  }
  return without_client_certificate(link);
}

Status ServerHandshake::without_client_certificate(Link& link) {
  hello_.facts.client_certificate = false;
  if (link.config.client_auth == ClientAuth::required) {
    // RFC 5246 §7.4.6.
    return Error{AlertDescription::handshake_failure, "client sent no certificate"};
  }
  return ok_status();
}

Status ServerHandshake::on_client_key_exchange(Link& link, ByteView body) {
  const HelloState& h = hello_;
  const auto form = key_exchange_form(h.suite.get().key_exchange);
  if (!form) return internal_error("ClientKeyExchange for " + iana_name(h.suite.get().suite));
  auto cke = ClientKeyExchange::parse(body, *form, h.version);
  if (!cke) return cke.error();
  Result<Bytes> premaster = out_of_phase("ClientKeyExchange");
  if (const auto* chosen = std::get_if<Chosen>(&phase_);
      chosen && std::holds_alternative<RsaKeyTransport>(chosen->plan)) {
    // RFC 5246 §7.4.7.1: the stand-in is drawn before decrypting, and a bad
    // padding or version silently takes it, so the failure shows only at
    // Finished and takes no more or less time.
    const Bytes stand_in = link.config.random->bytes(kPremasterSize);
    premaster = rsa_decrypt_premaster(chosen->identity.get().key, cke->exchange_keys, stand_in,
                                      static_cast<uint16_t>(h.client_hello.legacy_version),
                                      /*check_version=*/true);
  } else if (const auto* shared = std::get_if<Shared>(&phase_)) {
    premaster = shared->ours.shared_secret(cke->exchange_keys);
  }
  if (!premaster) return premaster.error();
  derive_master_secret(*premaster);
  if (client_key_) {
    phase_ = VerifyingClient{std::move(*client_key_)};
  } else {
    phase_ = Between{};
  }
  return derive_keys(link);
}

Status ServerHandshake::on_certificate_verify(Link& link, ByteView body) {
  const HelloState& h = hello_;
  const auto* verifying = std::get_if<VerifyingClient>(&phase_);
  if (!verifying) return out_of_phase("CertificateVerify");
  auto cv = CertificateVerify::parse(body, h.version);
  if (!cv) return cv.error();
  const PublicKey& key = verifying->client_key;
  if (h.version == ProtocolVersion::ssl3) {
    const Bytes digest = ssl3_cert_verify_hash(transcript_.running(HashAlgorithm::md5),
                                               transcript_.running(HashAlgorithm::sha1),
                                               master_secret_);
    if (auto st = verify_ssl3_digest(key, digest, cv->signature.signature);
        !st && !link.fuzzer_mode) {
      return st;
    }
  } else if (auto st = verify_handshake(h.version, key, cv->signature, transcript_.messages(),
                                        link.config.signature_schemes);
             !st && !link.fuzzer_mode) {
    return st;
  }
  hash_checked(HandshakeType::certificate_verify, body);
  phase_ = Between{};
  return ok_status();
}

Status ServerHandshake::send_new_session_ticket(Link& link) {
  const Config& c = link.config;
  auto ticket = link.fuzzer_mode ? Result<Bytes>(handshake_session(link).serialize_state())
                                 : c.ticket_keys->seal(handshake_session(link), *c.random);
  if (!ticket) return ticket.error();
  return send_message(link, HandshakeType::new_session_ticket,
                      NewSessionTicket{c.session_lifetime, std::move(ticket).value()}.serialize());
}

}  // namespace gauntlet
