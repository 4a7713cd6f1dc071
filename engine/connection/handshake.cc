// The driver both roles share: a message is taken only as the next row of
// the script, and our flights are the script's next rows. Then what every
// handshake does whatever its role: framing, keys, ChangeCipherSpec,
// Finished, and the outcome.
#include "engine/connection/handshake.h"

#include <openssl/crypto.h>

#include "engine/connection/extensions/extension.h"
#include "engine/connection/negotiation.h"
#include "engine/key_schedule/keylog.h"
#include "engine/key_schedule/key_schedule.h"
#include "engine/messages/handshake/finished.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/record/key_block.h"

namespace gauntlet {

const CipherSuiteInfo& initial_suite() {
  static const CipherSuiteInfo& null = *cipher_suite_info(CipherSuite::null_with_null_null);
  return null;
}

Handshake::~Handshake() = default;

Status Handshake::send_flight(Link& link) {
  while (const OrderRow* row = order_.next_from(role_, hello_.facts)) {
    if (auto st = act(*row, link, {}); !st) return st;
  }
  return ok_status();
}

Status Handshake::receive(Link& link, const HandshakeMessage& msg) {
  auto row = order_.step(peer(), wire(msg.type), hello_.facts);
  if (!row) return row.error();
  // Finished and CertificateVerify cover the transcript before them, so
  // their handlers hash them once checked; every other message is hashed
  // first (ClientKeyExchange must be, for RFC 7627).
  if (msg.type != HandshakeType::finished && msg.type != HandshakeType::certificate_verify) {
    transcript_.update(msg.serialize());
  }
  if (auto st = act(**row, link, msg.body); !st) return st;
  return send_flight(link);
}

Status Handshake::receive_change_cipher_spec(Link& link, ByteView body) {
  // RFC 8446 D.4: in TLS 1.3 from the HelloRetryRequest on, too.
  if (tls13() || order_.shape() == HandshakeShape::tls13_retry) {
    return on_change_cipher_spec_13(body);
  }
  auto row = order_.step(peer(), kChangeCipherSpec, hello_.facts);
  if (!row) return row.error();
  if (auto st = act(**row, link, body); !st) return st;
  return send_flight(link);
}

void Handshake::hash_checked(HandshakeType type, ByteView body) {
  transcript_.update(HandshakeMessage{type, Bytes(body.begin(), body.end())}.serialize());
}

Status Handshake::may_arrive(HandshakeType type) const {
  MessageOrder probe = order_;
  return probe.accept(peer(), wire(type), hello_.facts);
}

namespace {

// Bugs::inserted_messages next to our `type`, each in its own record.
Status write_inserted(RecordLayer& records, const Bugs& bugs, HandshakeType type, bool after) {
  for (const InsertedMessage& m : bugs.inserted_messages) {
    if (m.next_to != type || m.after != after) continue;
    const Bytes framed = HandshakeMessage{static_cast<HandshakeType>(m.type), m.body}.serialize();
    if (auto st = records.write(ContentType::handshake, framed); !st) return st;
  }
  return ok_status();
}

}  // namespace

Status Handshake::send_message(Link& link, HandshakeType type, Result<Bytes> body,
                               const std::optional<Bytes>& hashed) {
  if (!body) return body.error();
  if (link.config.on_message_sent) link.config.on_message_sent(type);
  const Bugs& bugs = link.config.bugs;
  if (type == HandshakeType::finished && (bugs.corrupt_finished || bugs.truncate_finished)) {
    if (bugs.corrupt_finished) body->front() ^= 0x01;
    if (bugs.truncate_finished) body->pop_back();
  }
  if (bugs.trailing_byte_in == type) body->push_back(0);
  if (bugs.truncated_message == type && !body->empty()) body->pop_back();
  const Bytes framed = HandshakeMessage{type, std::move(body).value()}.serialize();
  // HelloRequest stands outside the handshake it asks for and outside its
  // transcript (RFC 5246 §7.4.1.1).
  if (type != HandshakeType::hello_request) {
    transcript_.update(hashed ? HandshakeMessage{type, *hashed}.serialize() : framed);
  }
  RecordLayer& records = link.records;
  if (bugs.early_change_cipher_spec == type) {
    if (auto st = records.write(ContentType::change_cipher_spec, ChangeCipherSpec{}.serialize());
        !st) {
      return st;
    }
  }
  if (auto st = write_inserted(records, bugs, type, false); !st) return st;
  if (bugs.skip_message != type) {
    if (auto st = records.write(ContentType::handshake, framed); !st) return st;
    if (bugs.duplicate_message == type) {
      if (auto st = records.write(ContentType::handshake, framed); !st) return st;
    }
  }
  return write_inserted(records, bugs, type, true);
}

void Handshake::derive_master_secret(Bytes& premaster) {
  const HashAlgorithm prf = hello_.suite.get().prf_hash;
  const ProtocolVersion v = hello_.version;
  master_secret_ = hello_.extended_master_secret
                       ? extended_master_secret(v, prf, premaster, session_hash(v, prf, transcript_))
                       : master_secret(v, prf, premaster, hello_.client_random,
                                       hello_.server_random);
  OPENSSL_cleanse(premaster.data(), premaster.size());
}

Status Handshake::derive_keys(Link& link) {
  const HelloState& h = hello_;
  const CipherSuiteInfo& s = h.suite;
  const KeyBlockLayout layout = key_block_layout(h.version, s.cipher, s.mac);
  const Bytes block = key_block(h.version, s.prf_hash, master_secret_, h.client_random,
                                h.server_random, layout.length());
  auto keys = split_key_block(block, layout);
  if (!keys) return keys.error();
  auto make = [&](const DirectionKeys& k, CipherDirection dir) {
    return make_protection(ProtectionParams{h.version, s.cipher, s.mac, h.encrypt_then_mac,
                                            k.mac_key, k.key, k.iv, dir,
                                            link.config.random.get(),
                                            link.config.bugs.unchecked_padding});
  };
  if (link.fuzzer_mode) {
    pending_write_ = make_null_protection();
    pending_read_ = make_null_protection();
    return ok_status();
  }
  const bool client = role_ == Role::client;
  auto write = make(client ? keys->client : keys->server, CipherDirection::encrypt);
  auto read = make(client ? keys->server : keys->client, CipherDirection::decrypt);
  if (!write) return write.error();
  if (!read) return read.error();
  pending_write_ = std::move(write).value();
  pending_read_ = std::move(read).value();
  if (link.config.keylog) {
    link.config.keylog(keylog_line("CLIENT_RANDOM", h.client_random, master_secret_));
  }
  return ok_status();
}

Status Handshake::send_change_cipher_spec(Link& link) {
  const Bugs& bugs = link.config.bugs;
  if (!bugs.skip_change_cipher_spec) {
    const Bytes body = bugs.change_cipher_spec_body.value_or(ChangeCipherSpec{}.serialize());
    if (auto st = link.records.write(ContentType::change_cipher_spec, body); !st) return st;
  }
  if (auto st = link.records.set_write_protection(std::move(pending_write_)); !st) return st;
  apply_fragment_limits(link, Direction::send);
  if (bugs.application_data_before_finished) {
    return link.records.write(ContentType::application_data, Bytes{'e', 'a', 'r', 'l', 'y'});
  }
  return ok_status();
}

Status Handshake::on_change_cipher_spec(Link& link, ByteView body) {
  if (auto ccs = ChangeCipherSpec::parse(body); !ccs) return ccs.error();
  // Keys exist by now: the table puts ChangeCipherSpec after the messages
  // that produce them, so an early one (CVE-2014-0224) never gets here.
  if (!pending_read_) return internal_error("ChangeCipherSpec without keys");
  link.records.set_read_protection(std::move(pending_read_));
  apply_fragment_limits(link, Direction::receive);
  peer_ccs_seen_ = true;
  return ok_status();
}

namespace {
Sender sender_of(Role r) { return r == Role::client ? Sender::client : Sender::server; }
}  // namespace

Status Handshake::send_finished(Link& link) {
  if (tls13()) return send_finished_13(link);
  const Bytes verify = finished_verify_data(hello_.version, hello_.suite.get().prf_hash, master_secret_,
                                            transcript_, sender_of(role_));
  (role_ == Role::client ? link.kept.client_verify_data : link.kept.server_verify_data) = verify;
  return send_message(link, HandshakeType::finished, Finished{verify}.serialize());
}

Status Handshake::on_finished(Link& link, ByteView body) {
  if (tls13()) return on_finished_13(link, body);
  auto fin = Finished::parse(body, finished_length(hello_.version));
  if (!fin) return fin.error();
  const Bytes expected = finished_verify_data(hello_.version, hello_.suite.get().prf_hash,
                                              master_secret_, transcript_, sender_of(peer()));
  if (!link.fuzzer_mode && !link.config.bugs.unchecked_finished &&
      CRYPTO_memcmp(expected.data(), fin->verify_data.data(), expected.size()) != 0) {
    return Error{AlertDescription::decrypt_error, "Finished verify_data does not match"};
  }
  (role_ == Role::client ? link.kept.server_verify_data : link.kept.client_verify_data) = expected;
  peer_ccs_seen_ = false;
  transcript_.update(HandshakeMessage{HandshakeType::finished, Bytes(body.begin(), body.end())}
                         .serialize());
  return ok_status();
}

namespace {

// RFC 6066 §4: max_fragment_length binds both directions from ServerHello on.
// RFC 8449 §4: record_size_limit binds protected records only, each way the
// limit its receiver announced; it takes precedence over max_fragment_length.
size_t send_limit(const HelloState& h, bool protected_records) {
  if (protected_records && h.peer_record_size_limit) {
    return std::min<size_t>(*h.peer_record_size_limit, kMaxPlaintext);
  }
  if (h.max_fragment_length) return size_t{1} << (8 + *h.max_fragment_length);
  return kMaxPlaintext;
}

}  // namespace

void Handshake::apply_fragment_limits(Link& link, Direction d) {
  const HelloState& h = hello_;
  if (d == Direction::send) {
    link.records.set_max_send_fragment(send_limit(h, pending_write_ == nullptr));
    return;
  }
  size_t receive = kMaxPlaintext;
  if (h.max_fragment_length) receive = size_t{1} << (8 + *h.max_fragment_length);
  if (pending_read_ == nullptr && h.peer_record_size_limit) {
    receive =
        std::min<size_t>(link.config.record_size_limit.value_or(kMaxPlaintext), kMaxPlaintext);
  }
  link.records.set_max_receive_plaintext(receive);
}

void Handshake::finish(Link& link) {
  const HelloState& h = hello_;
  AcrossHandshakes& kept = link.kept;
  Negotiated n;
  n.version = h.version;
  n.suite = h.suite.get().suite;
  n.group = group_;
  n.signature_scheme = server_signature_scheme_;
  n.resumed = h.resumed;
  n.psk_mode = h.psk_mode;
  // A retry asks for a group's share or carries a cookie (§4.1.4), or both.
  n.hello_retry = h.retry_group.has_value() || !h.cookie.empty();
  n.early_data_offered = h.early_data_offered;
  n.early_data_accepted = h.early_data_accepted;
  n.extended_master_secret = h.extended_master_secret;
  n.encrypt_then_mac = h.encrypt_then_mac;
  n.secure_renegotiation = kept.secure_renegotiation;
  n.alpn = h.alpn;
  n.server_name = h.server_name;
  n.peer_chain = peer_chain_;
  n.client_random = h.client_random;
  n.server_random = h.server_random;
  n.master_secret = master_secret_;
  if (tls13_) n.exporter_master_secret = tls13_->exporter_master;
  if (h.early_data_accepted) n.early_exporter_master_secret = early_exporter_;
  n.max_send_fragment = send_limit(h, true);
  n.handshakes = ++kept.handshakes;
  kept.negotiated = std::move(n);
  // A TLS 1.3 session comes only from a NewSessionTicket (RFC 8446 §4.6.1).
  if (tls13_) {
    kept.session.reset();
    return;
  }

  kept.session = handshake_session(link);
  const Config& c = link.config;
  if (role_ == Role::server && !h.resumed && c.session_cache && !kept.session->id.empty()) {
    c.session_cache->store(*kept.session);
  }
}

Session Handshake::handshake_session(const Link& link) const {
  const HelloState& h = hello_;
  const Config& c = link.config;
  Session s;
  s.id = h.session_id;
  s.version = h.version;
  s.suite = h.suite.get().suite;
  s.master_secret = master_secret_;
  s.extended_master_secret = h.extended_master_secret;
  s.server_name = h.server_name;
  s.peer_chain = chain_der(peer_chain_);
  s.parsed_chain.certificates = std::make_shared<const std::vector<Certificate>>(peer_chain_);
  s.created = h.resumed && h.offered ? h.offered->created : c.clock->now();
  s.lifetime = h.resumed && h.offered ? h.offered->lifetime : c.session_lifetime;
  if (role_ == Role::client) {
    s.ticket = new_ticket_.empty() && h.resumed && h.offered ? h.offered->ticket : new_ticket_;
    if (!new_ticket_.empty() && ticket_lifetime_ > 0) s.lifetime = ticket_lifetime_;
  }
  return s;
}

HelloScope Handshake::hello_scope(Link& link) {
  return HelloScope{.config = link.config,
                    .hs = hello_,
                    .options = link.options,
                    .renegotiating = link.renegotiating(),
                    .fuzzer_mode = link.fuzzer_mode,
                    .secure_renegotiation = link.kept.secure_renegotiation,
                    .client_verify_data = link.kept.client_verify_data,
                    .server_verify_data = link.kept.server_verify_data};
}

}  // namespace gauntlet
