// The server's hellos: the ClientHello (in either form) decides the version,
// whether a session resumes, and otherwise the suite, identity and key
// exchange of a full handshake; then our ServerHello.
#include <algorithm>

#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/server_handshake.h"
#include "engine/connection/signing.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/ssl2/client_hello.h"

namespace gauntlet {

using namespace server_phase;

namespace {

bool offers(const ClientHello& ch, CipherSuite s) {
  return std::ranges::find(ch.cipher_suites, s) != ch.cipher_suites.end();
}

bool client_accepts_group(const HelloState& h, NamedGroup g) {
  // RFC 8422 §4: without the extension any curve will do.
  return !h.peer_groups || std::ranges::find(*h.peer_groups, g) != h.peer_groups->end();
}

// RFC 8422 §5.3: an ECDSA certificate's key must be on a curve the client
// named in supported_groups.
bool client_accepts_key_curve(const HelloState& h, KeyType key) {
  switch (key) {
    case KeyType::ec_p256: return client_accepts_group(h, NamedGroup::secp256r1);
    case KeyType::ec_p384: return client_accepts_group(h, NamedGroup::secp384r1);
    case KeyType::ec_p521: return client_accepts_group(h, NamedGroup::secp521r1);
    default: return true;
  }
}

}  // namespace

Status ServerHandshake::act(const OrderRow& row, Link& link, ByteView body) {
  if (row.sender == Role::server) return (this->*row.server.write)(link);
  return (this->*row.server.handle)(link, body);
}

Status ServerHandshake::on_client_hello(Link& link, ByteView body) {
  auto hello = ClientHello::parse(body);
  if (!hello) return hello.error();
  return process_client_hello(link, *hello);
}

Status ServerHandshake::on_ssl2_hello(Link& link, ByteView body) {
  auto v2 = Ssl2ClientHello::parse(body);
  if (!v2) return v2.error();
  auto view = to_tls_view(*v2);
  if (!view) return view.error();
  if (auto st = order_.accept(Role::client, wire(HandshakeType::client_hello), hello_.facts);
      !st) {
    return st;
  }
  // RFC 5246 E.2: the Finished hashes cover the CLIENT-HELLO message as sent.
  transcript_.update(body);
  ClientHello hello{view->version, view->random, view->session_id, view->cipher_suites,
                    {CompressionMethod::null}, std::nullopt};
  if (auto st = process_client_hello(link, hello); !st) return st;
  return send_flight(link);
}

Status ServerHandshake::process_client_hello(Link& link, const ClientHello& ch) {
  const Config& c = link.config;
  HelloState& h = hello_;
  h.client_hello = ch;
  h.client_random = ch.random;

  // Version negotiation (RFC 5246 E.1): the highest both support. Any
  // number above ours, 4.x included, is answered with our highest.
  const auto offered = static_cast<uint16_t>(ch.legacy_version);
  const ProtocolVersion max = std::min(c.max_version, ProtocolVersion::tls12);
  // RFC 8446 §4.2.1: a server that speaks TLS 1.3 negotiates from
  // supported_versions when the client sends it (its row, below), never
  // from legacy_version.
  const bool listed = c.max_version >= ProtocolVersion::tls13 && !link.renegotiating() &&
                      find_body(ch.extensions, ExtensionType::supported_versions);
  if (!listed && offered < static_cast<uint16_t>(c.min_version)) {
    return Error{AlertDescription::protocol_version,
                 "client offers version " + std::to_string(offered >> 8) + "." +
                     std::to_string(offered & 0xff) + ", below our minimum"};
  }
  h.version = std::min(static_cast<ProtocolVersion>(offered), max);
  if (link.renegotiating() && h.version != link.kept.negotiated.version) {
    return Error{AlertDescription::protocol_version, "renegotiation changes the version"};
  }
  if (std::ranges::find(ch.compression_methods, CompressionMethod::null) ==
      ch.compression_methods.end()) {
    return illegal_parameter("ClientHello without the null compression method");
  }

  HelloScope scope = hello_scope(link);
  if (auto st = gauntlet::on_client_hello(scope); !st) return st;
  // RFC 7507 §3: a fallback below our best is a downgrade; the version is
  // the one supported_versions settled, our best may be TLS 1.3.
  if (offers(ch, CipherSuite::fallback_scsv) && h.version < c.max_version) {
    return Error{AlertDescription::inappropriate_fallback,
                 "TLS_FALLBACK_SCSV with " + iana_name(h.version) + " while we support " +
                     iana_name(c.max_version)};
  }
  if (h.version >= ProtocolVersion::tls13) return tls13_handshake(link);

  std::optional<Session> session;
  const std::optional<Bytes>& ticket = h.client_ticket;
  // A resumed client gets a ticket if it has none, or if its ticket's key no
  // longer seals; otherwise it keeps the one it has, as OpenSSL's server
  // does, which spares both sides a message (RFC 5077 §3.3 leaves it open).
  bool renew_ticket = ticket.has_value();
  if (ticket && !ticket->empty()) {
    if (link.fuzzer_mode) {
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
    const Bugs& lax = c.bugs;
    if (session->extended_master_secret && !h.extended_master_secret && !lax.resume_without_ems) {
      return Error{AlertDescription::handshake_failure,
                   "resumption of an extended-master-secret session without it"};
    }
    const CipherSuiteInfo* suite = cipher_suite_info(session->suite);
    const bool resumable =
        suite && !session->expired(c.clock->now()) && session->version == h.version &&
        (offers(ch, session->suite) || lax.resume_unoffered_suite) &&
        std::ranges::find(c.cipher_suites, session->suite) != c.cipher_suites.end() &&
        (session->server_name == h.server_name || lax.resume_other_name) &&
        (session->extended_master_secret == h.extended_master_secret || lax.resume_without_ems);
    if (resumable) {
      h.issue_ticket = renew_ticket;
      h.suite = *suite;
      resume(std::move(*session));
      return ok_status();
    }
  }
  return full_handshake(link);
}

std::vector<const Identity*> ServerHandshake::identity_candidates(const Config& c) const {
  const HelloState& h = hello_;
  std::vector<const Identity*> candidates;
  for (const Identity& id : c.identities)
    if (!h.server_name.empty() && id.matches(h.server_name)) candidates.push_back(&id);
  if (candidates.empty())
    for (const Identity& id : c.identities) candidates.push_back(&id);
  // §4.2.3: signature_algorithms_cert for the chain, else signature_algorithms.
  const auto& accepted = h.peer_signature_algorithms_cert ? h.peer_signature_algorithms_cert
                                                          : h.peer_signature_algorithms;
  if (accepted) prefer_chains_signed_with(candidates, *accepted);
  return candidates;
}

Status ServerHandshake::full_handshake(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  const ClientHello& ch = h.client_hello;
  const std::vector<const Identity*> candidates = identity_candidates(c);

  const Identity* chosen = nullptr;
  std::optional<SignatureScheme> chosen_scheme;
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
      h.suite = *info;
      chosen = id;
      group_ = group;
      chosen_scheme = scheme;
      break;
    }
    if (chosen) break;
  }
  if (!chosen) return Error{AlertDescription::handshake_failure, "no cipher suite in common"};
  h.identity = chosen;
  if (c.bugs.server_group && group_) group_ = c.bugs.server_group;
  if (c.bugs.server_signature_scheme && chosen_scheme) {
    chosen_scheme = c.bugs.server_signature_scheme;
  }
  server_signature_scheme_ = chosen_scheme;

  const KeyExchange kx = h.suite.get().key_exchange;
  KeyPlan plan = RsaKeyTransport{};
  if (kx == KeyExchange::dhe_rsa || kx == KeyExchange::dhe_dss) {
    // RFC 7919 §4: a group the client named, else our default.
    FfdheGroup dh = c.dh_group;
    for (const NamedGroup g : c.groups)
      if (ffdhe_group(g) && h.peer_groups && client_accepts_group(h, g)) {
        dh = *ffdhe_group(g);
        group_ = g;
        break;
      }
    plan = DhParams::ffdhe(dh);
  } else if (group_) {
    plan = *group_;
  }
  phase_ = Chosen{*chosen, chosen_scheme, std::move(plan)};
  h.issue_ticket = h.client_ticket.has_value();
  h.facts = {.server_key_exchange = kx != KeyExchange::rsa,
             .certificate_request = c.client_auth != ClientAuth::none,
             .client_certificate = std::nullopt,
             .new_session_ticket = h.issue_ticket};
  order_.set_shape(HandshakeShape::full);
  if (c.session_cache) h.session_id = c.random->bytes(32);
  return ok_status();
}

void ServerHandshake::resume(Session session) {
  HelloState& h = hello_;
  h.resumed = true;
  master_secret_ = session.master_secret;
  peer_chain_ = session.peer_certificates();
  h.offered = std::move(session);
  h.facts.new_session_ticket = h.issue_ticket;
  order_.set_shape(HandshakeShape::abbreviated);
  // RFC 5077 §3.4: a ticket resumption echoes the client's session ID.
  h.session_id = h.client_hello.session_id;
}

Status ServerHandshake::send_server_hello(Link& link) {
  if (hello_.version >= ProtocolVersion::tls13) return send_server_hello_13(link);
  const Config& c = link.config;
  HelloState& h = hello_;
  h.server_random = c.random->bytes(kRandomSize);
  if (c.max_version >= ProtocolVersion::tls13) write_downgrade_sentinel(h.server_random, h.version);

  ServerHello sh{h.version, h.server_random, h.session_id, h.suite.get().suite,
                 CompressionMethod::null, std::nullopt};
  HelloScope scope = hello_scope(link);
  sh.extensions = reply_extensions(scope, ExtensionContext::server_hello);
  apply_server_hello_bugs(c.bugs, sh);
  link.records.set_version(h.version);
  if (auto st = send_message(link, HandshakeType::server_hello, sh.serialize()); !st) return st;
  apply_fragment_limits(link, Direction::send);
  apply_fragment_limits(link, Direction::receive);
  // RFC 5246 §7.3: resuming, both randoms and the session's master secret
  // make the keys now; a full handshake waits for ClientKeyExchange.
  if (h.resumed) return derive_keys(link);
  return ok_status();
}

}  // namespace gauntlet
