#include "engine/connection/ssl2/ssl2_handshake.h"

#include "engine/key_schedule/ssl2_key_material.h"

namespace gauntlet {

Status Ssl2Handshake::send_flight(Ssl2Link& l) {
  while (const Ssl2OrderRow* row = order_.next_from(role_, facts_)) {
    if (auto st = act(*row, l, {}); !st) return st;
  }
  return ok_status();
}

Status Ssl2Handshake::receive(Ssl2Link& l, ByteView message) {
  if (message.empty()) return decode_error("empty SSL 2.0 record");
  const Role peer = role_ == Role::client ? Role::server : Role::client;
  auto row = order_.step(peer, static_cast<Ssl2MessageType>(message[0]), facts_);
  if (!row) return row.error();
  if (auto st = act(**row, l, message); !st) return st;
  return send_flight(l);
}

Status Ssl2Handshake::send_message(Ssl2Link& l, Result<Bytes> message) {
  if (!message) return message.error();
  const Config& c = l.link.config;
  const auto type = static_cast<Ssl2MessageType>(message->front());
  if (c.on_ssl2_message_sent) c.on_ssl2_message_sent(type);
  const Ssl2Bugs& bugs = c.bugs.ssl2;
  if (bugs.skip_message == type) return ok_status();
  if (bugs.truncated_message == type) message->pop_back();
  if (bugs.trailing_byte_in == type) message->push_back(0);
  if (bugs.bad_mac_in != type) return l.records.write(l.link.records, *message);
  // One record (a handshake message fits), its last byte flipped: the MAC
  // covers the data and padding, so it no longer matches (§1.2).
  auto record = l.records.write_protection().seal(*message);
  if (!record) return record.error();
  record->back() ^= 0x01;
  l.link.records.write_raw(*record);
  return ok_status();
}

Status Ssl2Handshake::start_ciphers(Ssl2Link& l) {
  auto material = ssl2_key_material(kind_->kind, master_key_, challenge_, connection_id_);
  if (!material) return material.error();
  key_material_ = std::move(*material);
  // Fuzzer mode (config.h): the records stay in the clear, as TLS's get
  // null protection, so mutated inputs reach the messages after the keys.
  if (l.link.fuzzer_mode) return ok_status();
  auto keys = ssl2_session_keys(kind_->kind, master_key_, challenge_, connection_id_);
  if (!keys) return keys.error();
  // CLIENT-READ-KEY is SERVER-WRITE-KEY and the reverse (§2.5).
  const bool client = role_ == Role::client;
  const Bytes& write_key = client ? keys->client_write : keys->client_read;
  const Bytes& read_key = client ? keys->client_read : keys->client_write;
  if (auto st = l.records.write_protection().start_cipher(kind_->kind, write_key, key_arg_,
                                                          CipherDirection::encrypt);
      !st) {
    return st;
  }
  return l.records.read_protection().start_cipher(kind_->kind, read_key, key_arg_,
                                                  CipherDirection::decrypt);
}

Bytes Ssl2Handshake::certificate_response_input() const {
  Bytes out = key_material_;
  out.insert(out.end(), certificate_challenge_.begin(), certificate_challenge_.end());
  out.insert(out.end(), server_certificate_.begin(), server_certificate_.end());
  return out;
}

Session Ssl2Handshake::session(const Link& l) const {
  Session s;
  s.id = session_id_;
  s.version = ProtocolVersion::ssl2;
  s.ssl2_cipher_kind = kind_->kind;
  s.ssl2_key_arg = key_arg_;
  s.master_secret = master_key_;
  for (const Certificate& c : peer_chain_) s.peer_chain.push_back(c.der());
  s.created = l.config.clock->now();
  s.lifetime = l.config.session_lifetime;
  return s;
}

void Ssl2Handshake::finish(Ssl2Link& l) {
  Negotiated& n = l.link.kept.negotiated;
  n = Negotiated{};
  n.version = ProtocolVersion::ssl2;
  n.ssl2_cipher_kind = kind_->kind;
  n.ssl2_connection_id = connection_id_;
  n.resumed = facts_.session_id_hit == true;
  n.peer_chain = peer_chain_;
  n.master_secret = master_key_;
  n.server_name = l.link.options.server_name;
  n.handshakes = 1;
  l.link.kept.handshakes = 1;
  Session s = session(l.link);
  if (role_ == Role::server && l.link.config.session_cache) l.link.config.session_cache->store(s);
  l.link.kept.session = std::move(s);
}

}  // namespace gauntlet
