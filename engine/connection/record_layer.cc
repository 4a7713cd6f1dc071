#include "engine/connection/record_layer.h"

#include <algorithm>
#include <string>

namespace gauntlet {

RecordLayer::RecordLayer() : read_(make_null_protection()), write_(make_null_protection()) {}

void RecordLayer::feed(ByteView bytes) {
  compact();
  in_.insert(in_.end(), bytes.begin(), bytes.end());
}

void RecordLayer::compact() {
  if (in_pos_ == 0) return;
  in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(in_pos_));
  in_pos_ = 0;
}

Status RecordLayer::skip_record(size_t size) {
  if (size > skip_->budget) {
    return Error{AlertDescription::unexpected_message,
                 "more skipped 0-RTT data than max_early_data_size"};
  }
  skip_->budget -= size;
  return ok_status();
}

Result<std::optional<OpenedRecord>> RecordLayer::read() {
  // A loop, not a recursion: skipped 0-RTT records may be many and small.
  for (;;) {
    Reader r(ByteView(in_).subspan(in_pos_));
    auto record = read_record_view(r, kMaxCiphertext);
    if (!record) return record.error();
    if (!record->has_value()) return std::optional<OpenedRecord>{};
    // The fragment is opened where it lies in in_, which nothing changes
    // before open() returns.
    const size_t record_size = in_.size() - r.remaining() - in_pos_;
    in_pos_ += record_size;
    const RecordView& rec = **record;

    const uint16_t wire = static_cast<uint16_t>(rec.version);
    // Before the version is settled any 3.x record is read (RFC 5246 E.1). A
    // cleartext alert is read whatever its version: a peer that could not
    // negotiate may frame it with the version we offered, 2.0 included, and
    // what it says matters more than how.
    // RFC 8446 §5 keeps only ChangeCipherSpec in the clear once keys
    // change, but a TLS 1.3 peer that fails before it switched its own write
    // keys (libssl's client, on a bad server Finished) sends its alert in
    // the clear: it is read until the peer's first protected record, since
    // it can only end the connection (OpenSSL's test_tls13alerts does the
    // same).
    const bool cleartext_alert =
        rec.type == ContentType::alert && (!read_protected_ || (tls13_ && !peer_protected_));
    if (!cleartext_alert && (!version_ ? (wire >> 8) != 3 : rec.version != *version_)) {
      return Error{AlertDescription::protocol_version,
                   "record version " + std::to_string(wire >> 8) + "." +
                       std::to_string(wire & 0xff) + " does not match the connection's"};
    }
    if ((tls13_ && rec.type == ContentType::change_cipher_spec) ||
        (cleartext_alert && read_protected_)) {
      return std::optional<OpenedRecord>{
          OpenedRecord{rec.type, Bytes(rec.fragment.begin(), rec.fragment.end())}};
    }
    const bool early = rec.type == ContentType::application_data;
    if (skip_ && skip_->how == EarlySkip::application_data) {
      if (early) {
        if (auto st = skip_record(record_size); !st) return st.error();
        continue;
      }
      if (rec.type == ContentType::handshake) skip_.reset();
    }
    const uint64_t sequence = read_->next_sequence();
    auto opened = read_->open(rec.type, rec.version, rec.fragment);
    if (!opened && early && skip_ && skip_->how == EarlySkip::undecryptable) {
      if (auto st = skip_record(record_size); !st) return st.error();
      read_->set_next_sequence(sequence);
      continue;
    }
    if (!opened) return opened.error();
    if (skip_ && skip_->how == EarlySkip::undecryptable) skip_.reset();
    if (tls13_ && read_protected_ && opened->type == ContentType::change_cipher_spec) {
      return Error{AlertDescription::unexpected_message, "encrypted ChangeCipherSpec"};
    }
    if (read_protected_) peer_protected_ = true;
    if (opened->plaintext.size() > max_receive_) {
      return record_overflow("record plaintext of " + std::to_string(opened->plaintext.size()) +
                             " bytes exceeds the negotiated " + std::to_string(max_receive_));
    }
    return std::optional<OpenedRecord>{std::move(opened).value()};
  }
}

Bytes RecordLayer::take_unread() {
  Bytes rest(in_.begin() + static_cast<std::ptrdiff_t>(in_pos_), in_.end());
  in_.clear();
  in_pos_ = 0;
  return rest;
}

bool RecordLayer::ssl2_hello_ahead() const {
  return looks_like_ssl2_client_hello(ByteView(in_).subspan(in_pos_));
}

Result<std::optional<Bytes>> RecordLayer::read_ssl2_record() {
  const ByteView rest = ByteView(in_).subspan(in_pos_);
  auto header = read_ssl2_header(rest);
  if (!header) return header.error();
  if (!header->has_value()) return std::optional<Bytes>{};
  const Ssl2RecordHeader& h = **header;
  Reader r(rest);
  ByteView body;
  if (!r.skip(h.header_size) || !r.bytes(h.length, body)) return std::optional<Bytes>{};
  in_pos_ += h.header_size + h.length;
  // A CLIENT-HELLO travels unencrypted, so its record has no padding.
  if (h.padding != 0) return decode_error("SSLv2 CLIENT-HELLO record with padding");
  return std::optional<Bytes>{Bytes(body.begin(), body.end())};
}

Status RecordLayer::write(ContentType type, ByteView data) {
  if (bugs_ && bugs_->coalesce_handshake && type == ContentType::handshake) {
    coalesced_.insert(coalesced_.end(), data.begin(), data.end());
    return ok_status();
  }
  if (auto st = flush_coalesced(); !st) return st;
  return seal_and_append(type, data);
}

Status RecordLayer::write_shaped(ContentType type, ByteView data, const SealShape& shape,
                                 std::optional<ProtocolVersion> version) {
  if (auto st = flush_coalesced(); !st) return st;
  const ProtocolVersion v = version.value_or(write_version_);
  auto sealed = write_->seal_shaped(type, v, data, shape);
  if (!sealed) return sealed.error();
  const Bytes rec = write_record(write_->outer_type(type), v, *sealed);
  out_.insert(out_.end(), rec.begin(), rec.end());
  return ok_status();
}

Status RecordLayer::flush_coalesced() {
  if (coalesced_.empty()) return ok_status();
  const Bytes held = std::exchange(coalesced_, {});
  return seal_and_append(ContentType::handshake, held);
}

Bytes RecordLayer::take_output() {
  (void)flush_coalesced();
  return std::exchange(out_, {});
}

Status RecordLayer::seal_and_append(ContentType type, ByteView data) {
  size_t limit = max_send_;
  if (bugs_ && bugs_->handshake_fragment > 0 && type == ContentType::handshake) {
    limit = std::min(limit, bugs_->handshake_fragment);
  }
  const ProtocolVersion version = bugs_ && bugs_->record_version
                                      ? static_cast<ProtocolVersion>(*bugs_->record_version)
                                      : write_version_;
  // Empty data gives one empty record: zero-length application data is legal
  // and used against traffic analysis (RFC 5246 §6.2.1).
  size_t off = 0;
  do {
    const ByteView piece = data.subspan(off, std::min(limit, data.size() - off));
    auto sealed = write_->seal(type, version, piece);
    if (!sealed) return sealed.error();
    Bytes rec = write_record(write_->outer_type(type), version, *sealed);
    const bool opens = type == ContentType::handshake && off == 0 && !data.empty();
    tamper(type, opens ? std::optional(data[0]) : std::nullopt, rec);
    if (out_.empty()) {
      out_ = std::move(rec);  // the usual case: one record per take_output()
    } else {
      out_.insert(out_.end(), rec.begin(), rec.end());
    }
    off += piece.size();
  } while (off < data.size());
  return ok_status();
}

void RecordLayer::arm_tamper(RecordTamper t) {
  tamper_ = t;
  tamper_seen_ = 0;
}

void RecordLayer::tamper(ContentType type, std::optional<uint8_t> opens, Bytes& rec) {
  if (!tamper_ || tamper_->type != type) return;
  if (tamper_->message && opens != static_cast<uint8_t>(*tamper_->message)) return;
  if (tamper_seen_++ != tamper_->nth) return;
  const TamperAction action = tamper_->action;
  tamper_.reset();
  auto set_length = [&rec] {
    const size_t n = rec.size() - kRecordHeaderSize;
    rec[3] = static_cast<uint8_t>(n >> 8);
    rec[4] = static_cast<uint8_t>(n & 0xff);
  };
  const size_t fragment = rec.size() - kRecordHeaderSize;
  switch (action) {
    case TamperAction::flip_last_byte:
      if (fragment > 0) rec.back() ^= 0x01;
      break;
    case TamperAction::flip_first_byte:
      if (fragment > 0) rec[kRecordHeaderSize] ^= 0x01;
      break;
    case TamperAction::flip_padding:
      if (fragment >= 17) rec[rec.size() - 17] ^= 0x01;
      break;
    case TamperAction::truncate:
      if (fragment > 0) rec.pop_back();
      set_length();
      break;
    case TamperAction::extend:
      rec.push_back(0);
      set_length();
      break;
    case TamperAction::oversize:
      rec.resize(kRecordHeaderSize + kMaxCiphertext + 1);
      set_length();
      break;
    case TamperAction::change_type:
      rec[0] = 99;
      break;
    case TamperAction::change_version:
      rec[2] ^= 0x03;
      break;
  }
}

}  // namespace gauntlet
