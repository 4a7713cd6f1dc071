// The client's side of the SSL 3.0–TLS 1.2 handshake (RFC 5246 §7.3).
#include <openssl/crypto.h>

#include <algorithm>

#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/handshake_state.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/signing.h"
#include "engine/crypto/rsa.h"
#include "engine/crypto/ssl3.h"
#include "engine/key_schedule/key_schedule.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/empty_messages.h"
#include "engine/messages/handshake/new_session_ticket.h"
#include "engine/messages/handshake/server_key_exchange.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/record/record_header.h"

namespace gauntlet {

namespace {

std::vector<NamedGroup> ec_groups(const Config& c) {
  std::vector<NamedGroup> out;
  for (const NamedGroup g : c.groups)
    if (!is_ffdhe(g)) out.push_back(g);
  return out;
}

}  // namespace

Status Connection::client_send_hello() {
  const Config& c = *config_;
  const bool renegotiating = handshake_done();
  hs_ = std::make_unique<Handshake>();
  Handshake& h = *hs_;
  const ProtocolVersion max = std::min(c.max_version, ProtocolVersion::tls12);

  ClientHello& ch = h.client_hello;
  ch.legacy_version = max;
  ch.random = c.random->bytes(kRandomSize);
  h.client_random = ch.random;
  for (const CipherSuite s : c.cipher_suites) {
    const CipherSuiteInfo* info = cipher_suite_info(s);
    if (!info) continue;
    for (auto v = static_cast<uint16_t>(c.min_version); v <= static_cast<uint16_t>(max); ++v) {
      if (suite_usable(*info, static_cast<ProtocolVersion>(v))) {
        ch.cipher_suites.push_back(s);
        break;
      }
    }
  }
  if (ch.cipher_suites.empty()) return internal_error("no cipher suite fits the versions");

  const bool ssl2_form = c.ssl2_compatible_hello && !renegotiating;
  const auto resumable_here = [&](const Session& s) {
    return c.bugs.offer_session_anyway ||
           (std::ranges::find(ch.cipher_suites, s.suite) != ch.cipher_suites.end() &&
            s.version >= c.min_version && s.version <= max);
  };
  if (!ssl2_form && !renegotiating && options_.session &&
      !options_.session->expired(c.clock->now()) && resumable_here(*options_.session)) {
    h.offered = options_.session;
    // With a ticket, a session ID of our own lets us recognise resumption
    // by its echo (RFC 5077 §3.4).
    ch.session_id = !h.offered->ticket.empty() && c.offer_tickets ? c.random->bytes(32)
                                                                  : h.offered->id;
  }

  // SSL 3.0 hellos carry no extensions (RFC 5746 §3.3: the SCSV stands in
  // for renegotiation_info), except renegotiation_info itself when
  // renegotiating securely, which RFC 5746 §4.5 servers accept.
  const bool tls = max > ProtocolVersion::ssl3 && !ssl2_form;
  if (!tls && !renegotiating && c.secure_renegotiation) {
    ch.cipher_suites.push_back(CipherSuite::empty_renegotiation_info_scsv);
  }
  if (c.send_fallback_scsv) ch.cipher_suites.push_back(CipherSuite::fallback_scsv);
  ch.compression_methods = {CompressionMethod::null};

  ch.extensions = client_hello_extensions(hello_scope(), tls);
  // A rewrite in flight leaves our hello, state and transcript, as built.
  ClientHello sent = ch;
  apply_client_hello_bugs(c.bugs, sent);
  std::optional<Bytes> hashed;
  if (c.bugs.rewrite_in_flight) {
    auto built = ch.serialize();
    if (!built) return built.error();
    hashed = std::move(built).value();
  } else {
    ch = sent;
  }
  if (ssl2_form) return client_send_ssl2_hello();
  // The first ClientHello goes out as TLS 1.0 records, which every server
  // reads (RFC 5246 E.1); the negotiated version follows ServerHello.
  if (!renegotiating) records_.set_write_version(std::min(max, ProtocolVersion::tls10));
  return send_message(HandshakeType::client_hello, sent.serialize(), hashed);
}

Status Connection::client_send_ssl2_hello() {
  Handshake& h = *hs_;
  const ClientHello& ch = h.client_hello;
  // RFC 5246 E.2: TLS suites as 3-byte kinds with a zero first byte, the
  // 32-byte random as the challenge.
  Ssl2ClientHello v2{ch.legacy_version, {}, {}, ch.random};
  for (const CipherSuite s : ch.cipher_suites) {
    v2.cipher_specs.push_back(static_cast<Ssl2CipherKind>(static_cast<uint16_t>(s)));
  }
  auto body = v2.serialize();
  if (!body) return body.error();
  auto header = write_ssl2_header(body->size(), 0);
  if (!header) return header.error();
  if (auto st = accept(role_, wire(HandshakeType::client_hello)); !st) return st;
  h.transcript.update(*body);
  records_.write_raw(*header);
  records_.write_raw(*body);
  return ok_status();
}

Status Connection::client_on_hello_request() {
  // Ignored during a handshake (RFC 5246 §7.4.1.1).
  if (hs_ || state_ != ConnectionState::established) return ok_status();
  // RFC 5246 §7.4.1.1: a client that will not renegotiate says so with
  // the no_renegotiation warning.
  if (!may_renegotiate()) {
    return send_alert(AlertLevel::warning, AlertDescription::no_renegotiation);
  }
  return client_send_hello();
}

Status Connection::client_on_message(const HandshakeMessage& msg) {
  switch (msg.type) {
    case HandshakeType::server_hello:
      return client_on_server_hello(msg);
    case HandshakeType::certificate:
      return client_on_certificate(msg);
    case HandshakeType::server_key_exchange:
      return client_on_server_key_exchange(msg);
    case HandshakeType::certificate_request:
      return client_on_certificate_request(msg);
    case HandshakeType::server_hello_done: {
      if (auto done = ServerHelloDone::parse(msg.body); !done) return done.error();
      return client_on_server_hello_done();
    }
    case HandshakeType::new_session_ticket:
      return client_on_new_session_ticket(msg);
    case HandshakeType::finished: {
      if (auto st = check_finished(msg); !st) return st;
      if (hs_->order.shape() == HandshakeShape::abbreviated) {
        if (auto st = send_change_cipher_spec(); !st) return st;
        if (auto st = send_finished(); !st) return st;
      }
      finish_handshake();
      return ok_status();
    }
    default:
      return internal_error("message order table let through " + iana_name(msg.type));
  }
}

Status Connection::client_on_server_hello(const HandshakeMessage& msg) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  auto parsed = ServerHello::parse(msg.body);
  if (!parsed) return parsed.error();
  const ServerHello& sh = *parsed;
  if (sh.is_hello_retry_request()) {
    return Error{AlertDescription::unexpected_message, "HelloRetryRequest to a TLS 1.2 client"};
  }

  const auto version = known_version(static_cast<uint16_t>(sh.legacy_version));
  if (!version || *version < c.min_version || *version > h.client_hello.legacy_version ||
      (handshake_done() && *version != negotiated_.version)) {
    return Error{AlertDescription::protocol_version,
                 "server chose version " + std::to_string(static_cast<uint16_t>(sh.legacy_version))};
  }
  h.version = *version;
  h.server_random = sh.random;
  h.session_id = sh.session_id;

  if (std::ranges::find(h.client_hello.cipher_suites, sh.cipher_suite) ==
          h.client_hello.cipher_suites.end() ||
      is_signalling(sh.cipher_suite)) {
    return illegal_parameter("server chose a cipher suite we did not offer");
  }
  h.suite = cipher_suite_info(sh.cipher_suite);
  if (!h.suite || !suite_usable(*h.suite, h.version)) {
    return illegal_parameter("server chose " + iana_name(sh.cipher_suite) + " for " +
                             iana_name(h.version));
  }
  if (sh.compression_method != CompressionMethod::null) {
    return illegal_parameter("server chose a compression method we did not offer");
  }

  HelloScope scope = hello_scope();
  if (auto st = on_reply(scope, ExtensionContext::server_hello, sh.extensions); !st) return st;
  records_.set_version(h.version);

  h.resumed = h.offered && !h.client_hello.session_id.empty() &&
              sh.session_id == h.client_hello.session_id;
  if (h.resumed) {
    const Session& s = *h.offered;
    if (s.version != h.version || s.suite != sh.cipher_suite) {
      return illegal_parameter("resumed session with another version or suite");
    }
    // RFC 7627 §5.3.
    if (s.extended_master_secret != h.extended_master_secret) {
      return Error{AlertDescription::handshake_failure,
                   "resumption changes extended_master_secret"};
    }
    h.order.set_shape(HandshakeShape::abbreviated);
    h.master_secret = s.master_secret;
    h.peer_chain = s.peer_certificates();
    if (auto st = derive_keys(); !st) return st;
  } else {
    h.order.set_shape(HandshakeShape::full);
    h.facts.server_key_exchange = h.suite->key_exchange != KeyExchange::rsa;
  }
  apply_fragment_limits(Direction::send);
  apply_fragment_limits(Direction::receive);
  return ok_status();
}

Status Connection::client_on_certificate(const HandshakeMessage& msg) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  auto parsed = CertificateMessage::parse(msg.body);
  if (!parsed) return parsed.error();
  if (parsed->certificate_list.empty()) return decode_error("server sent no certificate");
  auto chain = parse_chain(*parsed);
  if (!chain) return chain.error();
  h.peer_chain = std::move(chain).value();
  const Certificate& leaf = h.peer_chain.front();

  if (c.trust) {
    std::optional<std::string> host;
    if (c.verify_hostname && !options_.server_name.empty()) host = options_.server_name;
    if (auto st = verify_chain(*c.trust, h.peer_chain, host, c.clock->now(), Purpose::server);
        !st) {
      return st;
    }
  }
  auto key = leaf.public_key();
  if (!key) return key.error();
  if (!key_fits_suite(key->type(), h.suite->key_exchange)) {
    return Error{AlertDescription::unsupported_certificate,
                 key_type_name(key->type()) + " certificate for " + iana_name(h.suite->suite)};
  }
  if (!key_usage_fits_suite(leaf, h.suite->key_exchange)) {
    return Error{AlertDescription::unsupported_certificate,
                 "certificate key usage does not allow " + iana_name(h.suite->key_exchange)};
  }
  return ok_status();
}

Status Connection::client_on_server_key_exchange(const HandshakeMessage& msg) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  const auto form = key_exchange_form(h.suite->key_exchange);
  auto ske = ServerKeyExchange::parse(msg.body, *form, h.version);
  if (!ske) return ske.error();
  auto params = ske->params_bytes();
  if (!params) return params.error();

  Bytes content = h.client_random;
  content.insert(content.end(), h.server_random.begin(), h.server_random.end());
  content.insert(content.end(), params->begin(), params->end());
  auto key = h.peer_chain.front().public_key();
  if (!key) return key.error();
  if (auto st = verify_handshake(h.version, *key, ske->signed_params, content,
                                 c.signature_schemes);
      !st && !fuzzer_mode_) {
    return st;
  }
  h.server_signature_scheme = ske->signed_params.scheme;

  if (const auto* dh = std::get_if<ServerDhParams>(&ske->params)) {
    DhParams p{dh->p, dh->g};
    if (auto st = p.check(c.min_dh_bits); !st) return st;
    h.dh = std::move(p);
    h.peer_public = dh->ys;
  } else {
    const auto& ec = std::get<ServerEcdhParams>(ske->params);
    const std::vector<NamedGroup> ours = ec_groups(c);
    if (std::ranges::find(ours, ec.group) == ours.end() || !ecdh_group(ec.group)) {
      return illegal_parameter("server chose curve " + iana_name(ec.group) +
                               ", which we did not offer");
    }
    h.group = ec.group;
    h.peer_public = ec.point;
  }
  return ok_status();
}

Status Connection::client_on_certificate_request(const HandshakeMessage& msg) {
  auto cr = CertificateRequest::parse(msg.body, hs_->version);
  if (!cr) return cr.error();
  hs_->certificate_request = std::move(cr).value();
  hs_->facts.certificate_request = true;
  return ok_status();
}

Status Connection::client_on_server_hello_done() {
  Handshake& h = *hs_;
  h.facts.certificate_request = h.certificate_request.has_value();
  if (h.certificate_request) {
    const CertificateRequest& cr = *h.certificate_request;
    std::optional<SignatureScheme> scheme;
    for (const Identity& id : config_->identities) {
      const auto type = certificate_type_for(id.key.type());
      if (!type || std::ranges::find(cr.certificate_types, *type) == cr.certificate_types.end()) {
        continue;
      }
      if (h.version >= ProtocolVersion::tls12) {
        scheme = choose_signature_scheme(id.key.type(), config_->signature_schemes,
                                         cr.supported_signature_algorithms);
        if (!scheme) continue;
      }
      h.identity = &id;
      break;
    }
    h.facts.client_certificate = h.identity != nullptr;
    h.client_signature_scheme = scheme;
    if (!h.identity && h.version == ProtocolVersion::ssl3) {
      // RFC 6101 §5.6.6: an SSL 3.0 client without a certificate says so
      // with an alert in place of the message.
      if (auto st = accept(role_, wire(HandshakeType::certificate)); !st) return st;
      if (auto st = send_alert(AlertLevel::warning, AlertDescription::no_certificate); !st) {
        return st;
      }
    } else {
      CertificateMessage cert;
      if (h.identity) cert.certificate_list = chain_der(h.identity->chain);
      if (auto st = send_message(HandshakeType::certificate, cert.serialize()); !st) return st;
    }
  }
  return client_send_key_exchange();
}

Status Connection::client_send_key_exchange() {
  const Config& c = *config_;
  Handshake& h = *hs_;
  const KeyExchangeForm form = *key_exchange_form(h.suite->key_exchange);
  Bytes premaster, exchange;
  if (form == KeyExchangeForm::rsa) {
    // RFC 5246 §7.4.7.1: the version we offered, then 46 random bytes.
    const auto offered_version = static_cast<uint16_t>(h.client_hello.legacy_version);
    premaster = {static_cast<uint8_t>(offered_version >> 8),
                 static_cast<uint8_t>(offered_version & 0xff)};
    const Bytes rest = c.random->bytes(kPremasterSize - 2);
    premaster.insert(premaster.end(), rest.begin(), rest.end());
    if (c.bugs.premaster_version) {
      premaster[0] = static_cast<uint8_t>(*c.bugs.premaster_version >> 8);
      premaster[1] = static_cast<uint8_t>(*c.bugs.premaster_version & 0xff);
    }
    auto key = h.peer_chain.front().public_key();
    if (!key) return key.error();
    auto encrypted =
        c.bugs.bad_premaster
            ? bad_premaster_ciphertext(*c.bugs.bad_premaster, *key, premaster, *c.random)
            : rsa_encrypt_pkcs1(*key, premaster);
    if (!encrypted) return encrypted.error();
    exchange = std::move(encrypted).value();
  } else {
    auto eph = form == KeyExchangeForm::dhe ? EphemeralKey::generate_dh(*h.dh, *c.random)
                                            : EphemeralKey::generate_ec(*h.group, *c.random);
    if (!eph) return eph.error();
    auto secret = eph->shared_secret(h.peer_public);
    if (!secret) return secret.error();
    premaster = std::move(secret).value();
    exchange = c.bugs.public_value.value_or(eph->public_value());
  }
  if (auto st = send_message(HandshakeType::client_key_exchange,
                             ClientKeyExchange{form, h.version, exchange}.serialize());
      !st) {
    return st;
  }
  const HashAlgorithm prf = h.suite->prf_hash;
  h.master_secret =
      h.extended_master_secret
          ? extended_master_secret(h.version, prf, premaster,
                                   session_hash(h.version, prf, h.transcript))
          : master_secret(h.version, prf, premaster, h.client_random, h.server_random);
  OPENSSL_cleanse(premaster.data(), premaster.size());
  if (auto st = derive_keys(); !st) return st;

  if (h.identity) {
    DigitallySigned signed_value;
    if (h.version == ProtocolVersion::ssl3) {
      const Bytes digest = ssl3_cert_verify_hash(h.transcript.running(HashAlgorithm::md5),
                                                 h.transcript.running(HashAlgorithm::sha1),
                                                 h.master_secret);
      auto sig = sign_ssl3_digest(h.identity->key, digest);
      if (!sig) return sig.error();
      signed_value.signature = std::move(sig).value();
    } else {
      auto sig = sign_handshake(h.version, h.identity->key, h.client_signature_scheme,
                                h.transcript.messages());
      if (!sig) return sig.error();
      signed_value = std::move(sig).value();
    }
    if (auto st = send_message(HandshakeType::certificate_verify,
                               CertificateVerify{signed_value}.serialize());
        !st) {
      return st;
    }
  }
  if (auto st = send_change_cipher_spec(); !st) return st;
  return send_finished();
}

Status Connection::client_on_new_session_ticket(const HandshakeMessage& msg) {
  auto nst = NewSessionTicket::parse(msg.body);
  if (!nst) return nst.error();
  hs_->new_ticket = nst->ticket;
  hs_->ticket_lifetime = nst->ticket_lifetime_hint;
  return ok_status();
}

}  // namespace gauntlet
