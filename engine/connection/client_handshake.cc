// The client's full handshake after ServerHello (RFC 5246 §7.4.2–7.4.8): the
// server's flight phase by phase, then ours, and a NewSessionTicket
// (RFC 5077 §3.3).
#include <algorithm>

#include "engine/connection/client_handshake.h"
#include "engine/connection/ephemeral_key.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/signing.h"
#include "engine/crypto/rsa.h"
#include "engine/crypto/ssl3.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/empty_messages.h"
#include "engine/messages/handshake/new_session_ticket.h"
#include "engine/messages/handshake/server_key_exchange.h"
#include "engine/messages/handshake/record_bodies.h"

namespace gauntlet {

using namespace client_phase;

namespace {

std::vector<NamedGroup> ec_groups(const Config& c) {
  std::vector<NamedGroup> out;
  for (const NamedGroup g : c.groups)
    if (!is_ffdhe(g)) out.push_back(g);
  return out;
}

Error out_of_phase(const char* what) {
  return internal_error(std::string(what) + " outside its phase of the client handshake");
}

struct OurKeyExchange {
  KeyExchangeForm form;
  Bytes exchange;   // what ClientKeyExchange carries
  Bytes premaster;
};

// RSA: a premaster encrypted to the server's key (RFC 5246 §7.4.7.1);
// DHE/ECDHE: our share and the secret agreed with the server's.
Result<OurKeyExchange> key_exchange(const Link& link, const HelloState& h, const Answering& a) {
  const Config& c = link.config;
  if (const auto* dh = std::get_if<DhShare>(&a.share)) {
    auto eph = EphemeralKey::generate_dh(dh->params, *c.random);
    if (!eph) return eph.error();
    auto secret = eph->shared_secret(dh->public_value);
    if (!secret) return secret.error();
    return OurKeyExchange{KeyExchangeForm::dhe,
                          dh_public_value_as_sent(c.bugs, dh->params.p, eph->public_value()),
                          std::move(secret).value()};
  }
  if (const auto* ec = std::get_if<EcShare>(&a.share)) {
    auto eph = EphemeralKey::generate_ec(ec->group, *c.random);
    if (!eph) return eph.error();
    auto secret = eph->shared_secret(ec->point);
    if (!secret) return secret.error();
    return OurKeyExchange{KeyExchangeForm::ecdhe,
                          c.bugs.public_value.value_or(eph->public_value()),
                          std::move(secret).value()};
  }
  // The version we offered, then 46 random bytes.
  const auto offered_version = static_cast<uint16_t>(h.client_hello.legacy_version);
  Bytes premaster = {static_cast<uint8_t>(offered_version >> 8),
                     static_cast<uint8_t>(offered_version & 0xff)};
  const Bytes rest = c.random->bytes(kPremasterSize - 2);
  premaster.insert(premaster.end(), rest.begin(), rest.end());
  if (c.bugs.premaster_version) {
    premaster[0] = static_cast<uint8_t>(*c.bugs.premaster_version >> 8);
    premaster[1] = static_cast<uint8_t>(*c.bugs.premaster_version & 0xff);
  }
  auto encrypted =
      c.bugs.bad_premaster
          ? bad_premaster_ciphertext(*c.bugs.bad_premaster, a.server_key, premaster, *c.random)
          : rsa_encrypt_pkcs1(a.server_key, premaster);
  if (!encrypted) return encrypted.error();
  return OurKeyExchange{KeyExchangeForm::rsa, std::move(encrypted).value(), std::move(premaster)};
}

}  // namespace

Status ClientHandshake::on_certificate(Link& link, ByteView body) {
  const HelloState& h = hello_;
  auto parsed = CertificateMessage::parse(body);
  if (!parsed) return parsed.error();
  if (parsed->certificate_list.empty()) return decode_error("server sent no certificate");
  auto chain = parse_chain(link.config, *parsed);
  if (!chain) return chain.error();
  peer_chain_ = std::move(chain).value();
  const Certificate& leaf = peer_chain_.front();
  if (auto st = verify_server_chain(link); !st) return st;
  auto key = leaf.public_key();
  if (!key) return key.error();
  if (!key_fits_suite(key->type(), h.suite.get().key_exchange)) {
    return Error{AlertDescription::unsupported_certificate,
                 key_type_name(key->type()) + " certificate for " + iana_name(h.suite.get().suite)};
  }
  if (!key_usage_fits_suite(leaf, h.suite.get().key_exchange)) {
    return Error{AlertDescription::unsupported_certificate,
                 "certificate key usage does not allow " + iana_name(h.suite.get().key_exchange)};
  }
  phase_ = ServerCertified{std::move(key).value(), std::monostate{}, std::nullopt, std::nullopt};
  return ok_status();
}

Status ClientHandshake::verify_server_chain(const Link& link) const {
  const Config& c = link.config;
  if (!c.trust) return ok_status();
  std::optional<std::string> host;
  if (c.verify_hostname && !link.options.server_name.empty()) host = link.options.server_name;
  return verify_chain(*c.trust, peer_chain_, host, c.clock->now(), Purpose::server);
}

Status ClientHandshake::on_server_key_exchange(Link& link, ByteView body) {
  const Config& c = link.config;
  const HelloState& h = hello_;
  auto* certified = std::get_if<ServerCertified>(&phase_);
  if (!certified) return out_of_phase("ServerKeyExchange");
  const auto form = key_exchange_form(h.suite.get().key_exchange);
  if (!form) return internal_error("ServerKeyExchange for " + iana_name(h.suite.get().suite));
  auto ske = ServerKeyExchange::parse(body, *form, h.version);
  if (!ske) return ske.error();
  auto params = ske->params_bytes();
  if (!params) return params.error();

  Bytes content = h.client_random;
  content.insert(content.end(), h.server_random.begin(), h.server_random.end());
  content.insert(content.end(), params->begin(), params->end());
  if (auto st = verify_handshake(h.version, certified->server_key, ske->signed_params, content,
                                 c.signature_schemes);
      !st && !link.fuzzer_mode) {
    return st;
  }
  server_signature_scheme_ = ske->signed_params.scheme;

  if (const auto* dh = std::get_if<ServerDhParams>(&ske->params)) {
    DhParams p{dh->p, dh->g};
    if (auto st = p.check(c.min_dh_bits); !st) return st;
    certified->share = DhShare{std::move(p), dh->ys};
  } else {
    const auto& ec = std::get<ServerEcdhParams>(ske->params);
    const std::vector<NamedGroup> ours = ec_groups(c);
    if (std::ranges::find(ours, ec.group) == ours.end() || !ecdh_group(ec.group)) {
      return illegal_parameter("server chose curve " + iana_name(ec.group) +
                               ", which we did not offer");
    }
    group_ = ec.group;
    certified->share = EcShare{ec.group, ec.point};
  }
  return ok_status();
}

Status ClientHandshake::on_certificate_request(Link&, ByteView body) {
  auto* certified = std::get_if<ServerCertified>(&phase_);
  if (!certified) return out_of_phase("CertificateRequest");
  auto cr = CertificateRequest::parse(body, hello_.version);
  if (!cr) return cr.error();
  certified->request = std::move(cr).value();
  hello_.facts.certificate_request = true;
  return ok_status();
}

Status ClientHandshake::on_server_hello_done(Link& link, ByteView body) {
  if (auto done = ServerHelloDone::parse(body); !done) return done.error();
  auto* certified = std::get_if<ServerCertified>(&phase_);
  if (!certified) return out_of_phase("ServerHelloDone");
  HandshakeFacts& facts = hello_.facts;
  facts.certificate_request = certified->request.has_value();
  Answering answer{std::move(certified->server_key), std::move(certified->share), nullptr,
                   std::nullopt};
  if (const auto& cr = certified->request) {
    for (const Identity& id : link.config.identities) {
      const auto type = certificate_type_for(id.key.type());
      if (!type || std::ranges::find(cr->certificate_types, *type) == cr->certificate_types.end()) {
        continue;
      }
      std::optional<SignatureScheme> scheme;
      if (hello_.version >= ProtocolVersion::tls12) {
        scheme = choose_signature_scheme(id.key.type(), link.config.signature_schemes,
                                         cr->supported_signature_algorithms);
        if (!scheme) continue;
      }
      answer.identity = &id;
      answer.scheme = scheme;
      break;
    }
    facts.client_certificate = answer.identity != nullptr;
  }
  phase_ = std::move(answer);
  return ok_status();
}

Status ClientHandshake::send_certificate(Link& link) {
  const auto* answer = std::get_if<Answering>(&phase_);
  if (!answer) return out_of_phase("our Certificate");
  if (!answer->identity && hello_.version == ProtocolVersion::ssl3) {
    // RFC 6101 §5.6.6: an SSL 3.0 client without a certificate says so
    // with an alert in place of the message.
    return link.records.write(ContentType::alert,
                              AlertMessage{AlertLevel::warning, AlertDescription::no_certificate}
                                  .serialize());
  }
  CertificateMessage cert;
  if (answer->identity) cert.certificate_list = chain_der(answer->identity->chain);
  return send_message(link, HandshakeType::certificate, cert.serialize());
}

Status ClientHandshake::send_client_key_exchange(Link& link) {
  const auto* answer = std::get_if<Answering>(&phase_);
  if (!answer) return out_of_phase("our ClientKeyExchange");
  auto ours = key_exchange(link, hello_, *answer);
  if (!ours) return ours.error();
  if (auto st = send_message(link, HandshakeType::client_key_exchange,
                             ClientKeyExchange{ours->form, hello_.version, ours->exchange}
                                 .serialize());
      !st) {
    return st;
  }
  derive_master_secret(ours->premaster);
  if (auto st = derive_keys(link); !st) return st;
  if (answer->identity) {
    phase_ = Certifying{*answer->identity, answer->scheme};
  } else {
    phase_ = Between{};
  }
  return ok_status();
}

Status ClientHandshake::send_certificate_verify(Link& link) {
  const auto* certifying = std::get_if<Certifying>(&phase_);
  if (!certifying) return out_of_phase("our CertificateVerify");
  const PrivateKey& key = certifying->identity.get().key;
  DigitallySigned signed_value;
  if (hello_.version == ProtocolVersion::ssl3) {
    const Bytes digest = ssl3_cert_verify_hash(transcript_.running(HashAlgorithm::md5),
                                               transcript_.running(HashAlgorithm::sha1),
                                               master_secret_);
    auto sig = sign_ssl3_digest(key, digest);
    if (!sig) return sig.error();
    signed_value.signature = std::move(sig).value();
  } else {
    auto sig = sign_handshake(hello_.version, key, certifying->scheme, transcript_.messages());
    if (!sig) return sig.error();
    signed_value = std::move(sig).value();
  }
  phase_ = Between{};
  return send_message(link, HandshakeType::certificate_verify,
                      CertificateVerify{signed_value}.serialize());
}

Status ClientHandshake::on_new_session_ticket(Link&, ByteView body) {
  auto nst = NewSessionTicket::parse(body);
  if (!nst) return nst.error();
  new_ticket_ = nst->ticket;
  ticket_lifetime_ = nst->ticket_lifetime_hint;
  return ok_status();
}

}  // namespace gauntlet
