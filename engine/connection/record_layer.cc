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

Result<std::optional<OpenedRecord>> RecordLayer::read() {
  Reader r(ByteView(in_).subspan(in_pos_));
  auto record = read_record(r, kMaxCiphertext);
  if (!record) return record.error();
  if (!record->has_value()) return std::optional<OpenedRecord>{};
  in_pos_ = in_.size() - r.remaining();
  const Record& rec = **record;

  const uint16_t wire = static_cast<uint16_t>(rec.version);
  const bool any_3x = !version_ || (rec.type == ContentType::alert && !read_protected_);
  if (any_3x ? (wire >> 8) != 3 : rec.version != *version_) {
    return Error{AlertDescription::protocol_version,
                 "record version " + std::to_string(wire >> 8) + "." +
                     std::to_string(wire & 0xff) + " does not match the connection's"};
  }
  auto opened = read_->open(rec.type, rec.version, rec.fragment);
  if (!opened) return opened.error();
  if (opened->plaintext.size() > max_receive_) {
    return record_overflow("record plaintext of " + std::to_string(opened->plaintext.size()) +
                           " bytes exceeds the negotiated " + std::to_string(max_receive_));
  }
  return std::optional<OpenedRecord>{std::move(opened).value()};
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
  // Empty data gives one empty record: zero-length application data is legal
  // and used against traffic analysis (RFC 5246 §6.2.1).
  size_t off = 0;
  do {
    const ByteView piece = data.subspan(off, std::min(max_send_, data.size() - off));
    auto sealed = write_->seal(type, write_version_, piece);
    if (!sealed) return sealed.error();
    const Bytes rec = write_record(type, write_version_, *sealed);
    out_.insert(out_.end(), rec.begin(), rec.end());
    off += piece.size();
  } while (off < data.size());
  return ok_status();
}

}  // namespace gauntlet
