// The client's hellos: our ClientHello (RFC 5246 §7.4.1.2), in SSL 2.0 form
// when asked (RFC 5246 E.2), and the server's ServerHello, which chooses the
// version, the suite and the shape of the rest.
#include <algorithm>

#include "engine/connection/client_handshake.h"
#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/negotiation.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/record/record_header.h"

namespace gauntlet {

Status ClientHandshake::act(const OrderRow& row, Link& link, ByteView body) {
  if (row.sender == Role::client) return (this->*row.client.write)(link);
  return (this->*row.client.handle)(link, body);
}

Status ClientHandshake::send_client_hello(Link& link) {
  const Config& c = link.config;
  const bool renegotiating = link.renegotiating();
  HelloState& h = hello_;
  const ProtocolVersion max = std::min(c.max_version, ProtocolVersion::tls12);
  const bool ssl2_form = c.ssl2_compatible_hello && !renegotiating;
  // TLS 1.3 is offered alongside (RFC 8446 §4.1.2), never in a
  // renegotiation (§4.1.2: the ClientHello of TLS 1.2 renegotiation).
  const bool offer_tls13 = c.max_version >= ProtocolVersion::tls13 && !renegotiating && !ssl2_form;
  const ProtocolVersion top = offer_tls13 ? ProtocolVersion::tls13 : max;

  ClientHello& ch = h.client_hello;
  ch.legacy_version = max;
  ch.random = c.random->bytes(kRandomSize);
  h.client_random = ch.random;
  for (const CipherSuite s : c.cipher_suites) {
    const CipherSuiteInfo* info = cipher_suite_info(s);
    if (!info) continue;
    for (auto v = static_cast<uint16_t>(c.min_version); v <= static_cast<uint16_t>(top); ++v) {
      if (suite_usable(*info, static_cast<ProtocolVersion>(v))) {
        ch.cipher_suites.push_back(s);
        break;
      }
    }
  }
  if (ch.cipher_suites.empty()) return internal_error("no cipher suite fits the versions");

  const auto resumable_here = [&](const Session& s) {
    return c.bugs.offer_session_anyway ||
           (std::ranges::find(ch.cipher_suites, s.suite) != ch.cipher_suites.end() &&
            s.version >= c.min_version && s.version <= max);
  };
  const std::optional<Session>& session = link.options.session;
  if (!ssl2_form && !renegotiating && session && !session->expired(c.clock->now()) &&
      resumable_here(*session)) {
    h.offered = session;
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
  if (offer_tls13) {
    if (auto st = this->offer_tls13(link); !st) return st;
  }

  ch.extensions = client_hello_extensions(hello_scope(link), tls);
  // A rewrite in flight leaves our hello, state, transcript and binder as
  // built; other edits make the hello ours, which the binder then covers.
  const bool edited = c.bugs.hello_edits_in.value_or(WhichHello::first) == WhichHello::first;
  if (edited && !c.bugs.rewrite_in_flight) apply_client_hello_bugs(c.bugs, ch);
  // RFC 8446 §4.2.11.2: the binder covers the padding.
  if (c.pad_client_hello) pad_client_hello(ch);
  if (offer_tls13) {
    if (auto st = bind_psk(link); !st) return st;
  }
  ClientHello sent = ch;
  if (edited && c.bugs.rewrite_in_flight) apply_client_hello_bugs(c.bugs, sent);
  std::optional<Bytes> hashed;
  if (c.bugs.rewrite_in_flight) {
    auto built = ch.serialize();
    if (!built) return built.error();
    hashed = std::move(built).value();
  } else {
    ch = sent;
    h.client_random = ch.random;  // a written hello's random counts
  }
  if (ssl2_form) return send_ssl2_hello(link);
  // The first ClientHello goes out as TLS 1.0 records, which every server
  // reads (RFC 5246 E.1); the negotiated version follows ServerHello.
  if (!renegotiating) link.records.set_write_version(std::min(max, ProtocolVersion::tls10));
  if (auto st = send_message(link, HandshakeType::client_hello, sent.serialize(), hashed); !st) {
    return st;
  }
  return send_early_data(link);
}

Status ClientHandshake::send_ssl2_hello(Link& link) {
  const ClientHello& ch = hello_.client_hello;
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
  transcript_.update(*body);
  link.records.write_raw(*header);
  link.records.write_raw(*body);
  return ok_status();
}

Status ClientHandshake::on_server_hello(Link& link, ByteView body) {
  const Config& c = link.config;
  HelloState& h = hello_;
  auto parsed = ServerHello::parse(body);
  if (!parsed) return parsed.error();
  const ServerHello& sh = *parsed;
  if (sh.is_hello_retry_request()) {
    if (!offered_tls13()) {
      return Error{AlertDescription::unexpected_message, "HelloRetryRequest to a TLS 1.2 client"};
    }
    return on_hello_retry_request(link, sh, body);
  }
  if (offered_tls13() && find_body(sh.extensions, ExtensionType::supported_versions)) {
    order_.set_shape(HandshakeShape::tls13_full);
    return on_server_hello_13(link, sh);
  }

  const auto version = known_version(static_cast<uint16_t>(sh.legacy_version));
  if (!version || *version < c.min_version || *version > h.client_hello.legacy_version ||
      (link.renegotiating() && *version != link.kept.negotiated.version)) {
    return Error{AlertDescription::protocol_version,
                 "server chose version " + std::to_string(static_cast<uint16_t>(sh.legacy_version))};
  }
  h.version = *version;
  // RFC 8446 §4.1.3: a server that speaks TLS 1.3 says when it went lower.
  if (offered_tls13() && has_downgrade_sentinel(sh.random)) {
    return illegal_parameter("ServerHello.random carries the TLS 1.3 downgrade sentinel");
  }
  h.server_random = sh.random;
  h.session_id = sh.session_id;

  if (std::ranges::find(h.client_hello.cipher_suites, sh.cipher_suite) ==
          h.client_hello.cipher_suites.end() ||
      is_signalling(sh.cipher_suite)) {
    return illegal_parameter("server chose a cipher suite we did not offer");
  }
  const CipherSuiteInfo* suite = cipher_suite_info(sh.cipher_suite);
  if (!suite || !suite_usable(*suite, h.version)) {
    return illegal_parameter("server chose " + iana_name(sh.cipher_suite) + " for " +
                             iana_name(h.version));
  }
  h.suite = *suite;
  if (sh.compression_method != CompressionMethod::null) {
    return illegal_parameter("server chose a compression method we did not offer");
  }

  HelloScope scope = hello_scope(link);
  if (auto st = on_reply(scope, ExtensionContext::server_hello, sh.extensions); !st) return st;
  link.records.set_version(h.version);

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
    order_.set_shape(HandshakeShape::abbreviated);
    master_secret_ = s.master_secret;
    peer_chain_ = s.peer_certificates();
    if (auto st = derive_keys(link); !st) return st;
  } else {
    order_.set_shape(HandshakeShape::full);
    h.facts.server_key_exchange = h.suite.get().key_exchange != KeyExchange::rsa;
  }
  apply_fragment_limits(link, Direction::send);
  apply_fragment_limits(link, Direction::receive);
  return ok_status();
}

}  // namespace gauntlet
