// The server's side of the SSL 3.0–TLS 1.2 handshake (RFC 5246 §7.3), with
// resumption by session ID and by ticket (RFC 5077) and the SSLv2-compatible
// ClientHello (RFC 5246 E.2).
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

namespace gauntlet {

namespace {

bool offers(const ClientHello& ch, CipherSuite s) {
  return std::ranges::find(ch.cipher_suites, s) != ch.cipher_suites.end();
}

bool client_accepts_group(const Connection::Handshake& h, NamedGroup g) {
  // RFC 8422 §4: without the extension any curve will do.
  return !h.peer_groups || std::ranges::find(*h.peer_groups, g) != h.peer_groups->end();
}

// RFC 8422 §5.3: an ECDSA certificate's key must be on a curve the client
// named in supported_groups.
bool client_accepts_key_curve(const Connection::Handshake& h, KeyType key) {
  switch (key) {
    case KeyType::ec_p256: return client_accepts_group(h, NamedGroup::secp256r1);
    case KeyType::ec_p384: return client_accepts_group(h, NamedGroup::secp384r1);
    case KeyType::ec_p521: return client_accepts_group(h, NamedGroup::secp521r1);
    default: return true;
  }
}

}  // namespace

Status Connection::server_on_message(const HandshakeMessage& msg) {
  switch (msg.type) {
    case HandshakeType::client_hello: {
      auto hello = ClientHello::parse(msg.body);
      if (!hello) return hello.error();
      return server_on_client_hello(*hello);
    }
    case HandshakeType::certificate:
      return server_on_certificate(msg);
    case HandshakeType::client_key_exchange:
      return server_on_client_key_exchange(msg);
    case HandshakeType::certificate_verify:
      return server_on_certificate_verify(msg);
    case HandshakeType::finished:
      if (auto st = check_finished(msg); !st) return st;
      if (hs_->order.shape() == HandshakeShape::full) {
        if (auto st = server_finish_flight(); !st) return st;
      }
      finish_handshake();
      return ok_status();
    default:
      return internal_error("message order table let through " + iana_name(msg.type));
  }
}

Status Connection::server_on_ssl2_hello(ByteView body) {
  auto v2 = Ssl2ClientHello::parse(body);
  if (!v2) return v2.error();
  auto view = to_tls_view(*v2);
  if (!view) return view.error();
  if (auto st = accept(Role::client, wire(HandshakeType::client_hello)); !st) return st;
  hs_->ssl2_hello = true;
  // RFC 5246 E.2: the Finished hashes cover the CLIENT-HELLO message as sent.
  hs_->transcript.update(body);
  ClientHello hello{view->version, view->random, view->session_id, view->cipher_suites,
                    {CompressionMethod::null}, std::nullopt};
  return server_on_client_hello(hello);
}

Status Connection::server_on_client_hello(const ClientHello& ch) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  const bool renegotiating = handshake_done();
  h.client_hello = ch;
  h.client_random = ch.random;

  // Version negotiation (RFC 5246 E.1): the highest both support. Any
  // number above ours, 4.x included, is answered with our highest.
  const auto offered = static_cast<uint16_t>(ch.legacy_version);
  const ProtocolVersion max = std::min(c.max_version, ProtocolVersion::tls12);
  if (offered < static_cast<uint16_t>(c.min_version)) {
    return Error{AlertDescription::protocol_version,
                 "client offers version " + std::to_string(offered >> 8) + "." +
                     std::to_string(offered & 0xff) + ", below our minimum"};
  }
  h.version = std::min(static_cast<ProtocolVersion>(offered), max);
  if (renegotiating && h.version != negotiated_.version) {
    return Error{AlertDescription::protocol_version, "renegotiation changes the version"};
  }
  // RFC 7507 §3: a fallback below our best is a downgrade.
  if (offers(ch, CipherSuite::fallback_scsv) && h.version < max) {
    return Error{AlertDescription::inappropriate_fallback,
                 "TLS_FALLBACK_SCSV with " + iana_name(h.version) + " while we support " +
                     iana_name(max)};
  }
  if (std::ranges::find(ch.compression_methods, CompressionMethod::null) ==
      ch.compression_methods.end()) {
    return illegal_parameter("ClientHello without the null compression method");
  }

  HelloScope scope = hello_scope();
  if (auto st = on_client_hello(scope); !st) return st;

  std::optional<Session> session;
  const std::optional<Bytes>& ticket = h.client_ticket;
  // A resumed client gets a ticket if it has none, or if its ticket's key no
  // longer seals; otherwise it keeps the one it has, as OpenSSL's server
  // does, which spares both sides a message (RFC 5077 §3.3 leaves it open).
  bool renew_ticket = ticket.has_value();
  if (ticket && !ticket->empty()) {
    if (fuzzer_mode_) {
      if (auto state = Session::parse_state(*ticket)) {
        session = std::move(state).value();
        renew_ticket = false;
      }
    } else if (auto opened = c.ticket_keys->open(*ticket)) {
      session = std::move(opened->session);
      renew_ticket = opened->older_key;
    }
  } else if (c.session_cache && !ch.session_id.empty()) {
    session = c.session_cache->find(ch.session_id, c.clock->now());
  }
  if (session) {
    // RFC 7627 §5.3: an EMS session must not resume without EMS.
    if (session->extended_master_secret && !h.extended_master_secret) {
      return Error{AlertDescription::handshake_failure,
                   "resumption of an extended-master-secret session without it"};
    }
    const bool resumable =
        !session->expired(c.clock->now()) && session->version == h.version &&
        offers(ch, session->suite) &&
        std::ranges::find(c.cipher_suites, session->suite) != c.cipher_suites.end() &&
        session->server_name == h.server_name &&
        session->extended_master_secret == h.extended_master_secret;
    if (resumable) {
      h.issue_ticket = renew_ticket;
      return server_resume(ch, std::move(*session));
    }
  }
  return server_full_handshake(ch);
}

Status Connection::server_full_handshake(const ClientHello& ch) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  std::vector<const Identity*> candidates;
  for (const Identity& id : c.identities)
    if (!h.server_name.empty() && id.matches(h.server_name)) candidates.push_back(&id);
  if (candidates.empty())
    for (const Identity& id : c.identities) candidates.push_back(&id);

  for (const CipherSuite s : c.cipher_suites) {
    const CipherSuiteInfo* info = cipher_suite_info(s);
    if (!offers(ch, s) || !info || !suite_usable(*info, h.version)) continue;
    const KeyExchange kx = info->key_exchange;
    std::optional<NamedGroup> group;
    if (kx == KeyExchange::ecdhe_rsa || kx == KeyExchange::ecdhe_ecdsa) {
      for (const NamedGroup g : c.groups)
        if (ecdh_group(g) && client_accepts_group(h, g)) {
          group = g;
          break;
        }
      if (!group) continue;
    }
    for (const Identity* id : candidates) {
      const KeyType key = id->key.type();
      if (id->chain.empty() || !key_fits_suite(key, kx) ||
          !key_usage_fits_suite(id->chain.front(), kx)) {
        continue;
      }
      if (kx == KeyExchange::ecdhe_ecdsa && !client_accepts_key_curve(h, key)) continue;
      std::optional<SignatureScheme> scheme;
      if (kx != KeyExchange::rsa && h.version >= ProtocolVersion::tls12) {
        scheme = choose_signature_scheme(key, c.signature_schemes, h.peer_signature_algorithms);
        if (!scheme) continue;
      } else if (kx != KeyExchange::rsa && !signs_without_scheme(key)) {
        continue;
      }
      h.suite = info;
      h.identity = id;
      h.group = group;
      h.server_signature_scheme = scheme;
      break;
    }
    if (h.suite) break;
  }
  if (!h.suite) return Error{AlertDescription::handshake_failure, "no cipher suite in common"};
  if (c.bugs.server_group && h.group) h.group = c.bugs.server_group;
  if (c.bugs.server_signature_scheme && h.server_signature_scheme) {
    h.server_signature_scheme = c.bugs.server_signature_scheme;
  }

  const KeyExchange kx = h.suite->key_exchange;
  if (kx == KeyExchange::dhe_rsa || kx == KeyExchange::dhe_dss) {
    // RFC 7919 §4: a group the client named, else our default.
    FfdheGroup dh = c.dh_group;
    for (const NamedGroup g : c.groups)
      if (ffdhe_group(g) && h.peer_groups && client_accepts_group(h, g)) {
        dh = *ffdhe_group(g);
        h.group = g;
        break;
      }
    h.dh = DhParams::ffdhe(dh);
  }
  h.issue_ticket = h.client_ticket.has_value();
  h.facts = {.server_key_exchange = kx != KeyExchange::rsa,
             .certificate_request = c.client_auth != ClientAuth::none,
             .client_certificate = std::nullopt,
             .new_session_ticket = h.issue_ticket};
  h.order.set_shape(HandshakeShape::full);
  if (auto st = server_send_hello(c.session_cache ? c.random->bytes(32) : Bytes{}); !st) {
    return st;
  }

  CertificateMessage cert{chain_der(h.identity->chain)};
  if (auto st = send_message(HandshakeType::certificate, cert.serialize()); !st) return st;
  if (kx != KeyExchange::rsa) {
    if (auto st = server_send_key_exchange(); !st) return st;
  }
  if (c.client_auth != ClientAuth::none) {
    CertificateRequest cr;
    cr.certificate_types = {ClientCertificateType::rsa_sign, ClientCertificateType::dss_sign};
    if (h.version > ProtocolVersion::ssl3) {
      cr.certificate_types.push_back(ClientCertificateType::ecdsa_sign);
    }
    if (h.version >= ProtocolVersion::tls12) cr.supported_signature_algorithms = c.signature_schemes;
    if (auto st = send_message(HandshakeType::certificate_request, cr.serialize()); !st) return st;
  }
  return send_message(HandshakeType::server_hello_done, ServerHelloDone{}.serialize());
}

Status Connection::server_resume(const ClientHello& ch, Session session) {
  Handshake& h = *hs_;
  h.resumed = true;
  h.suite = cipher_suite_info(session.suite);
  h.master_secret = session.master_secret;
  h.peer_chain = session.peer_certificates();
  h.offered = std::move(session);
  h.facts.new_session_ticket = h.issue_ticket;
  h.order.set_shape(HandshakeShape::abbreviated);
  // RFC 5077 §3.4: a ticket resumption echoes the client's session ID.
  if (auto st = server_send_hello(ch.session_id); !st) return st;
  if (auto st = derive_keys(); !st) return st;
  return server_finish_flight();
}

Status Connection::server_send_hello(Bytes session_id) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  h.server_random = c.random->bytes(kRandomSize);
  h.session_id = std::move(session_id);

  ServerHello sh{h.version, h.server_random, h.session_id, h.suite->suite,
                 CompressionMethod::null, std::nullopt};
  HelloScope scope = hello_scope();
  sh.extensions = reply_extensions(scope, ExtensionContext::server_hello);
  apply_server_hello_bugs(c.bugs, sh);
  records_.set_version(h.version);
  if (auto st = send_message(HandshakeType::server_hello, sh.serialize()); !st) return st;
  apply_fragment_limits(Direction::send);
  apply_fragment_limits(Direction::receive);
  return ok_status();
}

Status Connection::server_send_key_exchange() {
  Handshake& h = *hs_;
  const bool dhe = h.dh.has_value();
  auto eph = dhe ? EphemeralKey::generate_dh(*h.dh, *config_->random)
                 : EphemeralKey::generate_ec(*h.group, *config_->random);
  if (!eph) return eph.error();
  h.ephemeral = std::move(eph).value();
  const Bytes& ours = config_->bugs.public_value ? *config_->bugs.public_value
                                                  : h.ephemeral->public_value();
  ServerKeyExchange ske;
  if (dhe) {
    ske.params = ServerDhParams{h.dh->p, h.dh->g, ours};
  } else {
    ske.params = ServerEcdhParams{*h.group, ours};
  }
  auto params = ske.params_bytes();
  if (!params) return params.error();
  Bytes content = h.client_random;
  content.insert(content.end(), h.server_random.begin(), h.server_random.end());
  content.insert(content.end(), params->begin(), params->end());
  auto sig = sign_handshake(h.version, h.identity->key, h.server_signature_scheme, content);
  if (!sig) return sig.error();
  ske.signed_params = std::move(sig).value();
  return send_message(HandshakeType::server_key_exchange, ske.serialize());
}

Status Connection::server_on_certificate(const HandshakeMessage& msg) {
  const Config& c = *config_;
  Handshake& h = *hs_;
  auto parsed = CertificateMessage::parse(msg.body);
  if (!parsed) return parsed.error();
  if (parsed->certificate_list.empty()) return server_without_client_certificate();
  auto chain = parse_chain(*parsed);
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
  h.peer_chain = std::move(chain).value();
  h.facts.client_certificate = true;
  return ok_status();
}

Status Connection::server_on_no_certificate_alert() {
  // An SSL 3.0 client's no_certificate alert stands in for its Certificate
  // (RFC 6101 §5.6.6); anywhere else it is out of place.
  if (hs_->version != ProtocolVersion::ssl3) {
    return Error{AlertDescription::unexpected_message, "no_certificate alert outside SSL 3.0"};
  }
  if (auto st = accept(Role::client, wire(HandshakeType::certificate)); !st) return st;
  return server_without_client_certificate();
}

Status Connection::server_without_client_certificate() {
  hs_->facts.client_certificate = false;
  if (config_->client_auth == ClientAuth::required) {
    // RFC 5246 §7.4.6.
    return Error{AlertDescription::handshake_failure, "client sent no certificate"};
  }
  return ok_status();
}

Status Connection::server_on_client_key_exchange(const HandshakeMessage& msg) {
  Handshake& h = *hs_;
  const KeyExchangeForm form = *key_exchange_form(h.suite->key_exchange);
  auto cke = ClientKeyExchange::parse(msg.body, form, h.version);
  if (!cke) return cke.error();
  Bytes premaster;
  if (form == KeyExchangeForm::rsa) {
    // RFC 5246 §7.4.7.1: the stand-in is drawn before decrypting, and a bad
    // padding or version silently takes it, so the failure shows only at
    // Finished and takes no more or less time.
    const Bytes stand_in = config_->random->bytes(kPremasterSize);
    auto pm = rsa_decrypt_premaster(h.identity->key, cke->exchange_keys, stand_in,
                                    static_cast<uint16_t>(h.client_hello.legacy_version),
                                    /*check_version=*/true);
    if (!pm) return pm.error();
    premaster = std::move(pm).value();
  } else {
    auto secret = h.ephemeral->shared_secret(cke->exchange_keys);
    if (!secret) return secret.error();
    premaster = std::move(secret).value();
  }
  const HashAlgorithm prf = h.suite->prf_hash;
  h.master_secret =
      h.extended_master_secret
          ? extended_master_secret(h.version, prf, premaster,
                                   session_hash(h.version, prf, h.transcript))
          : master_secret(h.version, prf, premaster, h.client_random, h.server_random);
  OPENSSL_cleanse(premaster.data(), premaster.size());
  return derive_keys();
}

Status Connection::server_on_certificate_verify(const HandshakeMessage& msg) {
  Handshake& h = *hs_;
  auto cv = CertificateVerify::parse(msg.body, h.version);
  if (!cv) return cv.error();
  auto key = h.peer_chain.front().public_key();
  if (!key) return key.error();
  if (h.version == ProtocolVersion::ssl3) {
    const Bytes digest = ssl3_cert_verify_hash(h.transcript.running(HashAlgorithm::md5),
                                               h.transcript.running(HashAlgorithm::sha1),
                                               h.master_secret);
    if (auto st = verify_ssl3_digest(*key, digest, cv->signature.signature);
        !st && !fuzzer_mode_) {
      return st;
    }
  } else if (auto st = verify_handshake(h.version, *key, cv->signature, h.transcript.messages(),
                                        config_->signature_schemes);
             !st && !fuzzer_mode_) {
    return st;
  }
  h.transcript.update(msg.serialize());
  return ok_status();
}

Status Connection::server_send_ticket() {
  const Config& c = *config_;
  auto ticket = fuzzer_mode_ ? Result<Bytes>(handshake_session().serialize_state())
                            : c.ticket_keys->seal(handshake_session(), *c.random);
  if (!ticket) return ticket.error();
  return send_message(HandshakeType::new_session_ticket,
                      NewSessionTicket{c.session_lifetime, std::move(ticket).value()}.serialize());
}

Status Connection::server_finish_flight() {
  if (hs_->issue_ticket) {
    if (auto st = server_send_ticket(); !st) return st;
  }
  if (auto st = send_change_cipher_spec(); !st) return st;
  return send_finished();
}

}  // namespace gauntlet
