#include "engine/connection/post_handshake_13.h"

#include <algorithm>

#include "engine/base/writer.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/traffic_13.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/messages/tls13/new_session_ticket_13.h"

namespace gauntlet {

namespace {

// A lookup key as long as a session ID: not to be guessed.
constexpr size_t kTicketLookupKeySize = 32;

}  // namespace

struct PostHandshake13::Row {
  Role sender;
  HandshakeType type;
  Status (PostHandshake13::*handle)(Link&, ByteView);
  // Null: any time.
  bool (PostHandshake13::*allowed)(HandshakeType) const = nullptr;
};

// §4.6: after the handshake a server may send NewSessionTicket, and either
// side KeyUpdate, any number of times; a server CertificateRequest to a
// client that offered post_handshake_auth, which answers with Certificate,
// CertificateVerify (not after an empty Certificate) and Finished (§4.6.2).
std::span<const PostHandshake13::Row> PostHandshake13::rows() {
  using P = PostHandshake13;
  static constexpr Row kRows[] = {
      {Role::server, HandshakeType::new_session_ticket, &P::on_new_session_ticket},
      {Role::client, HandshakeType::key_update, &P::on_key_update},
      {Role::server, HandshakeType::key_update, &P::on_key_update},
      {Role::server, HandshakeType::certificate_request, &P::on_certificate_request,
       &P::auth_allows},
      {Role::client, HandshakeType::certificate, &P::on_client_certificate, &P::auth_allows},
      {Role::client, HandshakeType::certificate_verify, &P::on_client_certificate_verify,
       &P::auth_allows},
      {Role::client, HandshakeType::finished, &P::on_client_finished, &P::auth_allows},
  };
  return kRows;
}

const PostHandshake13::Row* PostHandshake13::row_for(Role sender, HandshakeType type) const {
  for (const Row& row : rows()) {
    if (row.sender == sender && row.type == type) return &row;
  }
  return nullptr;
}

Status PostHandshake13::may_arrive(HandshakeType type) const {
  const Role peer = role_ == Role::client ? Role::server : Role::client;
  const Row* row = row_for(peer, type);
  if (row && (!row->allowed || (this->*row->allowed)(type))) return ok_status();
  return Error{AlertDescription::unexpected_message,
               iana_name(type) + " after a TLS 1.3 handshake"};
}

Status PostHandshake13::receive(Link& link, const HandshakeMessage& msg) {
  if (auto st = may_arrive(msg.type); !st) return st;
  const Role peer = role_ == Role::client ? Role::server : Role::client;
  return (this->*row_for(peer, msg.type)->handle)(link, msg.body);
}

Result<Bytes> PostHandshake13::send(Link& link, HandshakeType type, Result<Bytes> body) {
  if (!body) return body.error();
  if (link.config.on_message_sent) link.config.on_message_sent(type);
  if (link.config.bugs.corrupt_post_handshake_auth == type && body->size() > 1) {
    // Certificate: byte 0 is the context's length, byte 1 its first.
    if (type == HandshakeType::certificate_verify) {
      body->back() ^= 0x01;
    } else {
      (*body)[type == HandshakeType::certificate ? 1 : 0] ^= 0x01;
    }
  }
  Bytes message = HandshakeMessage{type, std::move(body).value()}.serialize();
  if (auto st = link.records.write(ContentType::handshake, message); !st) return st.error();
  return message;
}

// §4.6.1: the PSK of the ticket's nonce; the age counts from now.
Session PostHandshake13::ticket_session(const Config& c, const NewSessionTicket13& nst) const {
  const CipherSuiteInfo& suite = established_.suite;
  Session s;
  s.version = ProtocolVersion::tls13;
  s.suite = suite.suite;
  s.master_secret =
      resumption_psk(suite.prf_hash, established_.resumption_master_secret, nst.ticket_nonce);
  s.server_name = established_.server_name;
  s.alpn = established_.alpn;
  s.peer_chain = established_.peer_chain;
  // A resumption takes the chain from the session (§4.2.11): decoded here
  // once, not again by each handshake that offers the ticket.
  s.parsed_chain = established_.parsed_chain;
  s.created = c.clock->now();
  s.lifetime = nst.ticket_lifetime;
  s.ticket_age_add = nst.ticket_age_add;
  if (const auto* early = nst.extensions.get<MaxEarlyDataSize>()) {
    s.max_early_data = early->max_early_data_size;
  }
  return s;
}

Status PostHandshake13::start(Link& link) {
  const Config& c = link.config;
  if (role_ != Role::server || !link.serves_tickets_13()) {
    return ok_status();
  }
  for (uint32_t i = 0; i < c.tls13_tickets; ++i) {
    if (auto st = send_new_session_ticket(link); !st) return st;
  }
  return ok_status();
}

// §4.6.1: each ticket has its own nonce, so its own PSK, and its own
// ticket_age_add; the ticket is "either a database lookup key or a
// self-encrypted and self-authenticated value": with a ticket store, 32
// random bytes the session is stored under, else the session sealed under
// our ticket keys.
Status PostHandshake13::send_new_session_ticket(Link& link) {
  const Config& c = link.config;
  Writer nonce;
  nonce.u64(tickets_sent_++);
  NewSessionTicket13 nst;
  nst.ticket_nonce = nonce.take();
  Bytes age_add(4);
  c.random->fill(age_add);
  if (Reader r(age_add); !r.u32(nst.ticket_age_add)) return internal_error("ticket_age_add");
  nst.ticket_lifetime = std::min(c.session_lifetime, kMaxTicketLifetime);
  // §4.6.1: early_data says how much 0-RTT data the ticket allows.
  if (c.max_early_data > 0) {
    nst.extensions.list.push_back(
        Extension{ExtensionType::early_data, MaxEarlyDataSize{c.max_early_data}});
  }
  Session s = ticket_session(c, nst);
  Result<Bytes> ticket = Bytes{};
  if (link.fuzzer_mode) {
    ticket = s.serialize_state();
  } else if (c.ticket_store) {
    s.id = c.random->bytes(kTicketLookupKeySize);
    c.ticket_store->store(s);
    ticket = s.id;
  } else {
    ticket = c.ticket_keys->seal(s, *c.random);
  }
  if (!ticket) return ticket.error();
  nst.ticket = std::move(ticket).value();
  if (auto sent = send(link, HandshakeType::new_session_ticket, nst.serialize()); !sent) {
    return sent.error();
  }
  return ok_status();
}

Status PostHandshake13::on_new_session_ticket(Link& link, ByteView body) {
  auto nst = NewSessionTicket13::parse(body);
  if (!nst) return nst.error();
  if (auto st = check_tls13_placement(ExtensionContext::new_session_ticket, nst->extensions);
      !st) {
    return st;
  }
  // §4.6.1: a lifetime of zero says to discard the ticket at once.
  if (nst->ticket_lifetime == 0) return ok_status();
  Session s = ticket_session(link.config, *nst);
  s.ticket = std::move(nst->ticket);
  tickets_.push_back(s);
  link.kept.session = std::move(s);
  return ok_status();
}

// §4.6.3, §7.2: the KeyUpdate goes out under the key it retires.
Status PostHandshake13::send_key_update(Link& link, KeyUpdateRequest request) {
  if (auto sent = send(link, HandshakeType::key_update, KeyUpdate{request}.serialize()); !sent) {
    return sent.error();
  }
  Bytes& secret = traffic_secret(role_);
  secret = next_application_traffic_secret(established_.suite.get().prf_hash, secret);
  auto p = tls13_protection(link, established_.suite, secret);
  if (!p) return p.error();
  return link.records.set_write_protection(std::move(p).value());
}

// §4.6.3: the peer's next records come under its next secret; asked to,
// we update ours before our next application data, so at once.
Status PostHandshake13::on_key_update(Link& link, ByteView body) {
  auto ku = KeyUpdate::parse(body);
  if (!ku) return ku.error();
  const Role peer = role_ == Role::client ? Role::server : Role::client;
  Bytes& secret = traffic_secret(peer);
  secret = next_application_traffic_secret(established_.suite.get().prf_hash, secret);
  auto p = tls13_protection(link, established_.suite, secret);
  if (!p) return p.error();
  link.records.set_read_protection(std::move(p).value());
  ++peer_key_updates_;
  if (ku->request_update != KeyUpdateRequest::update_requested) return ok_status();
  return send_key_update(link, KeyUpdateRequest::update_not_requested);
}

Status PostHandshake13::before_write(Link& link) {
  if (!link.records.write_key_spent(link.config.key_update_after)) return ok_status();
  return send_key_update(link, KeyUpdateRequest::update_not_requested);
}

}  // namespace gauntlet
