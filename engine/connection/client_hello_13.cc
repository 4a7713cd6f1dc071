// The client's TLS 1.3 hellos (RFC 8446 §4.1): the key share our ClientHello
// The client's TLS 1.3 hellos (RFC 8446 §4.1): the key share our ClientHello
// offers, a ticket to resume with and its binder (§4.2.11), and a
// ServerHello that names TLS 1.3 in supported_versions, which fixes the
// suite and group, whether the ticket resumes, and starts the handshake keys.
#include <algorithm>

#include "engine/connection/client_handshake.h"
#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/traffic_13.h"
#include "engine/key_schedule/psk_binder.h"

namespace gauntlet {

using namespace client_phase;

Status ClientHandshake::offer_shares(Link& link, std::span<const NamedGroup> groups) {
  hello_.offers_tls13 = true;
  hello_.our_shares.clear();
  OfferedShares offered;
  for (const NamedGroup group : groups) {
    auto key = EphemeralKey::generate_tls13(group, *link.config.random);
    if (!key) return key.error();
    hello_.our_shares.push_back({group, key->public_value()});
    offered.keys.emplace_back(group, std::move(key).value());
  }
  phase_ = std::move(offered);
  return ok_status();
}

Status ClientHandshake::offer_tls13(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  // One share, for our first group (§4.2.8); a server that wants another
  // asks with a HelloRetryRequest.
  const auto group = std::ranges::find_if(
      c.groups, [](NamedGroup g) { return ecdh_group(g) || ffdhe_group(g); });
  if (group == c.groups.end()) return internal_error("no group for a TLS 1.3 key share");
  const NamedGroup first[] = {*group};
  if (auto st = offer_shares(link, c.bugs.key_shares.value_or(std::vector(first, first + 1)));
      !st) {
    return st;
  }
  // §4.2.11: a TLS 1.3 ticket, still alive, whose hash a suite we offer has.
  const std::optional<Session>& ticket = link.options.session;
  const CipherSuiteInfo* ticket_suite = ticket ? cipher_suite_info(ticket->suite) : nullptr;
  if (ticket_suite && ticket->version == ProtocolVersion::tls13 && c.offer_tickets &&
      !ticket->expired(c.clock->now()) &&
      (c.bugs.offer_session_anyway ||
       std::ranges::any_of(h.client_hello.cipher_suites, [&](CipherSuite s) {
         const CipherSuiteInfo* info = cipher_suite_info(s);
         return info && suite_usable(*info, ProtocolVersion::tls13) &&
                info->prf_hash == ticket_suite->prf_hash;
       }))) {
    h.offered = ticket;
    early_.emplace(Tls13EarlySecret::from_psk(ticket_suite->prf_hash, ticket->master_secret));
    // §4.2.10: 0-RTT data only as much as the ticket allows, in its suite
    // and under its ALPN protocol, which our offer must then name (and name
    // none when the ticket has none): a server can accept it only with that.
    const Bytes& early = link.options.early_data;
    const bool same_alpn = ticket->alpn.empty()
                               ? c.alpn.empty()
                               : std::ranges::find(c.alpn, ticket->alpn) != c.alpn.end();
    h.early_data_offered =
        !early.empty() && ticket->max_early_data > 0 && same_alpn &&
        (early.size() <= ticket->max_early_data || c.bugs.early_data_over_limit) &&
        std::ranges::find(h.client_hello.cipher_suites, ticket->suite) !=
            h.client_hello.cipher_suites.end();
  }
  // D.4: a non-empty legacy_session_id puts the server in compatibility mode.
  if (c.middlebox_compat && h.client_hello.session_id.empty()) {
    h.client_hello.session_id = c.random->bytes(32);
  }
  return ok_status();
}

// The binders list is the hello's last bytes and keeps its length, so the
// binder is computed over the hello with a zero one and written in its place;
// after a HelloRetryRequest it covers the transcript so far too
// (§4.2.11.2: ClientHello1 as message_hash, then the HelloRetryRequest).
Status ClientHandshake::bind_psk(Link& link) {
  std::optional<Extensions>& block = hello_.client_hello.extensions;
  if (!early_ || !block || block->list.empty()) return ok_status();
  auto* offered = std::get_if<OfferedPsks>(&block->list.back().body);
  if (!offered) return ok_status();
  auto body = hello_.client_hello.serialize();
  if (!body) return body.error();
  const bool retried = order_.shape() == HandshakeShape::tls13_retry;
  auto binder = psk_binder(early_->hash(), early_->binder_key(PskOrigin::resumption),
                           retried ? ByteView(transcript_.messages()) : ByteView{},
                           HandshakeMessage{HandshakeType::client_hello, *body}.serialize());
  if (!binder) return binder.error();
  offered->binders = {std::move(binder).value()};
  if (link.config.bugs.corrupt_binder) offered->binders.front().back() ^= 1;
  return ok_status();
}

// §2.3: the early data goes right after the ClientHello (and the
// compatibility ChangeCipherSpec, D.4), under client_early_traffic_secret.
Status ClientHandshake::send_early_data(Link& link) {
  if (!hello_.early_data_offered) return ok_status();
  if (auto st = start_early_data(link); !st) return st;
  // §5.1: every record but the first ClientHello's says 0x0303.
  link.records.set_write_version(ProtocolVersion::tls12);
  if (link.config.middlebox_compat) {
    if (auto st = send_compat_change_cipher_spec(link); !st) return st;
  }
  early_write_ = true;
  // §4.2.10: under the ticket's suite.
  auto p = tls13_protection(link, *cipher_suite_info(hello_.offered->suite), client_early_traffic_);
  if (!p) return p.error();
  if (auto st = link.records.set_write_protection(std::move(p).value()); !st) return st;
  return link.records.write(ContentType::application_data, link.options.early_data);
}

Status ClientHandshake::read_hello_13(Link& link, const ServerHello& sh, ExtensionContext kind) {
  HelloState& h = hello_;
  // §4.1.3: legacy_version is 0x0303; the version is in supported_versions.
  if (sh.legacy_version != ProtocolVersion::tls12) {
    return Error{AlertDescription::protocol_version, "TLS 1.3 ServerHello with legacy_version " +
                                                         iana_name(sh.legacy_version)};
  }
  if (auto st = check_tls13_placement(kind, sh.extensions); !st) return st;
  if (sh.session_id != h.client_hello.session_id) {
    return illegal_parameter("legacy_session_id_echo differs from our legacy_session_id");
  }
  const CipherSuiteInfo* suite = cipher_suite_info(sh.cipher_suite);
  if (std::ranges::find(h.client_hello.cipher_suites, sh.cipher_suite) ==
          h.client_hello.cipher_suites.end() ||
      !suite || !suite_usable(*suite, ProtocolVersion::tls13)) {
    return illegal_parameter("server chose " + iana_name(sh.cipher_suite) +
                             ", not a TLS 1.3 suite we offered");
  }
  if (sh.compression_method != CompressionMethod::null) {
    return illegal_parameter("TLS 1.3 ServerHello with a compression method");
  }
  h.version = ProtocolVersion::tls13;
  h.suite = *suite;
  HelloScope scope = hello_scope(link);
  return on_reply(scope, kind, sh.extensions);
}

Status ClientHandshake::on_server_hello_13(Link& link, const ServerHello& sh) {
  const Config& c = link.config;
  HelloState& h = hello_;
  if (auto st = read_hello_13(link, sh, ExtensionContext::server_hello); !st) return st;
  h.server_random = sh.random;
  h.session_id = sh.session_id;

  // §4.2.11: a resumption keeps the PSK's hash and the server's identity.
  h.resumed = h.selected_psk.has_value();
  h.facts.server_certificate = !h.resumed;
  if (h.resumed) {
    // §4.3.2: a server authenticating with a PSK asks for no certificate.
    h.facts.certificate_request = false;
    if (h.suite.get().prf_hash != early_->hash()) {
      return illegal_parameter("server resumed our ticket with a suite of another hash");
    }
    peer_chain_ = h.offered->peer_certificates();
    h.psk_mode = h.peer_shares.empty() ? PskKeyExchangeMode::psk_ke
                                       : PskKeyExchangeMode::psk_dhe_ke;
  } else {
    early_.reset();
  }
  auto* offered = std::get_if<OfferedShares>(&phase_);
  if (!offered) return internal_error("TLS 1.3 ServerHello without our key shares");
  Result<Bytes> secret = Bytes{};  // psk_ke: none (§7.1)
  if (h.psk_mode != PskKeyExchangeMode::psk_ke) {
    const KeyShareEntry& theirs = h.peer_shares.front();
    const auto ours = std::ranges::find(offered->keys, theirs.group,
                                        &std::pair<NamedGroup, EphemeralKey>::first);
    if (ours == offered->keys.end()) return internal_error("no key for the server's group");
    secret = ours->second.shared_secret(theirs.key_exchange);
    if (!secret) return secret.error();
    group_ = theirs.group;
  }
  phase_ = Between{};
  // §5.1: legacy_record_version is 0x0303 from here on.
  link.records.set_version(ProtocolVersion::tls12);
  if (c.middlebox_compat) {
    if (auto st = send_compat_change_cipher_spec(link); !st) return st;
  }
  return start_tls13_keys(link, *secret);
}

}  // namespace gauntlet
