// What client and server handshakes share: framing and ordering of messages,
// the key schedule, ChangeCipherSpec and Finished.
#include <openssl/crypto.h>

#include "engine/connection/extensions/extension.h"
#include "engine/connection/handshake_state.h"
#include "engine/connection/keylog.h"
#include "engine/connection/negotiation.h"
#include "engine/key_schedule/key_schedule.h"
#include "engine/messages/handshake/finished.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/record/key_block.h"

namespace gauntlet {

Status Connection::on_handshake_record(ByteView body) {
  if (auto st = reassembler_.add(body); !st) return st;
  while (state_ != ConnectionState::closed) {
    // A message the state does not allow is refused on its type byte, not
    // after waiting for (or measuring) a body whose length may be anything:
    // a Finished sent without ChangeCipherSpec arrives encrypted, its first
    // byte a random "type" (RFC 5246 §7.4.9).
    if (const auto type = reassembler_.pending_type()) {
      if (auto st = may_arrive(static_cast<HandshakeType>(*type)); !st) return st;
    }
    auto msg = reassembler_.next();
    if (!msg) return msg.error();
    if (!msg->has_value()) break;
    if (auto st = on_handshake_message(std::move(**msg)); !st) return st;
  }
  return ok_status();
}

Status Connection::on_handshake_message(HandshakeMessage msg) {
  if (config_->on_message) config_->on_message(msg.type);
  // HelloRequest stands outside the handshake it asks for and outside its
  // transcript (RFC 5246 §7.4.1.1).
  if (msg.type == HandshakeType::hello_request) {
    if (role_ != Role::client) {
      return Error{AlertDescription::unexpected_message, "HelloRequest from a client"};
    }
    if (!msg.body.empty()) return decode_error("HelloRequest: body must be empty");
    return client_on_hello_request();
  }
  if (!hs_) {
    if (role_ == Role::server && msg.type == HandshakeType::client_hello) {
      // Refused with the warning, never silence: the client then knows to
      // carry on under the current keys (RFC 5746 §4.4, RFC 5246 §7.2.2).
      if (!may_renegotiate()) {
        return send_alert(AlertLevel::warning, AlertDescription::no_renegotiation);
      }
      hs_ = std::make_unique<Handshake>();
    } else {
      return Error{AlertDescription::unexpected_message,
                   iana_name(msg.type) + " after the handshake"};
    }
  }
  if (auto st = accept(peer(), wire(msg.type)); !st) return st;
  // Finished and CertificateVerify cover the transcript before them, so
  // their handlers hash them once checked; every other message is hashed
  // first (ClientKeyExchange must be, for RFC 7627).
  if (msg.type != HandshakeType::finished && msg.type != HandshakeType::certificate_verify) {
    hs_->transcript.update(msg.serialize());
  }
  return role_ == Role::client ? client_on_message(msg) : server_on_message(msg);
}

Status Connection::may_arrive(HandshakeType type) const {
  if (type == HandshakeType::hello_request) return ok_status();  // on_handshake_message decides
  if (!hs_) {
    if (role_ == Role::server && type == HandshakeType::client_hello) return ok_status();
    return Error{AlertDescription::unexpected_message, iana_name(type) + " after the handshake"};
  }
  MessageOrder probe = hs_->order;
  return probe.accept(peer(), wire(type), hs_->facts);
}

Status Connection::accept(Role sender, Wire w) {
  return hs_->order.accept(sender, w, hs_->facts);
}

Status Connection::send_message(HandshakeType type, Result<Bytes> body,
                                const std::optional<Bytes>& hashed) {
  if (!body) return body.error();
  const Bugs& bugs = config_->bugs;
  if (type == HandshakeType::finished && (bugs.corrupt_finished || bugs.truncate_finished)) {
    if (bugs.corrupt_finished) body->front() ^= 0x01;
    if (bugs.truncate_finished) body->pop_back();
  }
  if (bugs.trailing_byte_in == type) body->push_back(0);
  if (bugs.truncated_message == type && !body->empty()) body->pop_back();
  const Bytes framed = HandshakeMessage{type, std::move(body).value()}.serialize();
  if (type != HandshakeType::hello_request) {
    if (auto st = accept(role_, wire(type)); !st) {
      return internal_error("we would send " + iana_name(type) + " out of order");
    }
    hs_->transcript.update(hashed ? HandshakeMessage{type, *hashed}.serialize() : framed);
  }
  if (bugs.early_change_cipher_spec == type) {
    if (auto st = records_.write(ContentType::change_cipher_spec, ChangeCipherSpec{}.serialize());
        !st) {
      return st;
    }
  }
  if (bugs.skip_message == type) return ok_status();
  if (auto st = records_.write(ContentType::handshake, framed); !st) return st;
  if (bugs.duplicate_message == type) return records_.write(ContentType::handshake, framed);
  return ok_status();
}

Status Connection::derive_keys() {
  Handshake& h = *hs_;
  const CipherSuiteInfo& s = *h.suite;
  const KeyBlockLayout layout = key_block_layout(h.version, s.cipher, s.mac);
  const Bytes block = key_block(h.version, s.prf_hash, h.master_secret, h.client_random,
                                h.server_random, layout.length());
  auto keys = split_key_block(block, layout);
  if (!keys) return keys.error();
  const bool etm = h.encrypt_then_mac;
  auto make = [&](const DirectionKeys& k, CipherDirection dir) {
    return make_protection(ProtectionParams{h.version, s.cipher, s.mac, etm, k.mac_key, k.key,
                                            k.iv, dir, config_->random.get()});
  };
  const bool client = role_ == Role::client;
  if (fuzzer_mode_) {
    h.pending_write = make_null_protection();
    h.pending_read = make_null_protection();
    return ok_status();
  }
  auto write = make(client ? keys->client : keys->server, CipherDirection::encrypt);
  auto read = make(client ? keys->server : keys->client, CipherDirection::decrypt);
  if (!write) return write.error();
  if (!read) return read.error();
  h.pending_write = std::move(write).value();
  h.pending_read = std::move(read).value();
  if (config_->keylog) config_->keylog(nss_keylog_line(h.client_random, h.master_secret));
  return ok_status();
}

Status Connection::send_change_cipher_spec() {
  if (auto st = accept(role_, kChangeCipherSpec); !st) {
    return internal_error("we would send ChangeCipherSpec out of order");
  }
  const Bugs& bugs = config_->bugs;
  if (!bugs.skip_change_cipher_spec) {
    const Bytes body = bugs.change_cipher_spec_body.value_or(ChangeCipherSpec{}.serialize());
    if (auto st = records_.write(ContentType::change_cipher_spec, body); !st) {
      return st;
    }
  }
  records_.set_write_protection(std::move(hs_->pending_write));
  apply_fragment_limits(Direction::send);
  if (bugs.application_data_before_finished) {
    return records_.write(ContentType::application_data, Bytes{'e', 'a', 'r', 'l', 'y'});
  }
  return ok_status();
}

Status Connection::on_change_cipher_spec(ByteView body) {
  if (!hs_) {
    return Error{AlertDescription::unexpected_message, "ChangeCipherSpec after the handshake"};
  }
  if (auto st = accept(peer(), kChangeCipherSpec); !st) return st;
  if (auto ccs = ChangeCipherSpec::parse(body); !ccs) return ccs.error();
  // Keys exist by now: the table puts ChangeCipherSpec after the messages
  // that produce them, so an early one (CVE-2014-0224) never gets here.
  if (!hs_->pending_read) return internal_error("ChangeCipherSpec without keys");
  records_.set_read_protection(std::move(hs_->pending_read));
  apply_fragment_limits(Direction::receive);
  hs_->peer_ccs_seen = true;
  return ok_status();
}

namespace {
Sender sender_of(Role r) { return r == Role::client ? Sender::client : Sender::server; }
}  // namespace

Status Connection::send_finished() {
  Handshake& h = *hs_;
  const Bytes verify = finished_verify_data(h.version, h.suite->prf_hash, h.master_secret,
                                            h.transcript, sender_of(role_));
  (role_ == Role::client ? client_verify_data_ : server_verify_data_) = verify;
  return send_message(HandshakeType::finished, Finished{verify}.serialize());
}

Status Connection::check_finished(const HandshakeMessage& msg) {
  Handshake& h = *hs_;
  auto fin = Finished::parse(msg.body, finished_length(h.version));
  if (!fin) return fin.error();
  const Bytes expected = finished_verify_data(h.version, h.suite->prf_hash, h.master_secret,
                                              h.transcript, sender_of(peer()));
  if (!fuzzer_mode_ &&
      CRYPTO_memcmp(expected.data(), fin->verify_data.data(), expected.size()) != 0) {
    return Error{AlertDescription::decrypt_error, "Finished verify_data does not match"};
  }
  (role_ == Role::client ? server_verify_data_ : client_verify_data_) = expected;
  h.peer_ccs_seen = false;
  h.transcript.update(msg.serialize());
  return ok_status();
}

namespace {

// RFC 6066 §4: max_fragment_length binds both directions from ServerHello on.
// RFC 8449 §4: record_size_limit binds protected records only, each way the
// limit its receiver announced; it takes precedence over max_fragment_length.
size_t send_limit(const Connection::Handshake& h, bool protected_records) {
  if (protected_records && h.peer_record_size_limit) {
    return std::min<size_t>(*h.peer_record_size_limit, kMaxPlaintext);
  }
  if (h.max_fragment_length) return size_t{1} << (8 + *h.max_fragment_length);
  return kMaxPlaintext;
}

}  // namespace

void Connection::apply_fragment_limits(Direction d) {
  const Handshake& h = *hs_;
  if (d == Direction::send) {
    records_.set_max_send_fragment(send_limit(h, h.pending_write == nullptr));
    return;
  }
  size_t receive = kMaxPlaintext;
  if (h.max_fragment_length) receive = size_t{1} << (8 + *h.max_fragment_length);
  if (h.pending_read == nullptr && h.peer_record_size_limit) {
    receive = std::min<size_t>(config_->record_size_limit.value_or(kMaxPlaintext), kMaxPlaintext);
  }
  records_.set_max_receive_plaintext(receive);
}

void Connection::finish_handshake() {
  Handshake& h = *hs_;
  Negotiated n;
  n.version = h.version;
  n.suite = h.suite->suite;
  n.group = h.group;
  n.signature_scheme = h.server_signature_scheme;
  n.resumed = h.resumed;
  n.extended_master_secret = h.extended_master_secret;
  n.encrypt_then_mac = h.encrypt_then_mac;
  n.secure_renegotiation = secure_renegotiation_;
  n.alpn = h.alpn;
  n.server_name = h.server_name;
  n.peer_chain = h.peer_chain;
  n.client_random = h.client_random;
  n.server_random = h.server_random;
  n.master_secret = h.master_secret;
  n.max_send_fragment = send_limit(h, true);
  n.handshakes = ++handshakes_;
  negotiated_ = std::move(n);

  session_ = handshake_session();
  if (role_ == Role::server && !h.resumed && config_->session_cache && !session_->id.empty()) {
    config_->session_cache->store(*session_);
  }
  state_ = ConnectionState::established;
  hs_.reset();
}

Session Connection::handshake_session() const {
  const Handshake& h = *hs_;
  Session s;
  s.id = h.session_id;
  s.version = h.version;
  s.suite = h.suite->suite;
  s.master_secret = h.master_secret;
  s.extended_master_secret = h.extended_master_secret;
  s.server_name = h.server_name;
  s.peer_chain = chain_der(h.peer_chain);
  s.parsed_chain.certificates = std::make_shared<const std::vector<Certificate>>(h.peer_chain);
  s.created = h.resumed && h.offered ? h.offered->created : config_->clock->now();
  s.lifetime = h.resumed && h.offered ? h.offered->lifetime : config_->session_lifetime;
  if (role_ == Role::client) {
    s.ticket = h.new_ticket.empty() && h.resumed && h.offered ? h.offered->ticket : h.new_ticket;
    if (!h.new_ticket.empty() && h.ticket_lifetime > 0) s.lifetime = h.ticket_lifetime;
  }
  return s;
}

HelloScope Connection::hello_scope() {
  return HelloScope{.config = *config_,
                    .hs = *hs_,
                    .options = options_,
                    .renegotiating = handshake_done(),
                    .fuzzer_mode = fuzzer_mode_,
                    .secure_renegotiation = secure_renegotiation_,
                    .client_verify_data = client_verify_data_,
                    .server_verify_data = server_verify_data_};
}

}  // namespace gauntlet
