#include "engine/connection/ssl2/ssl2_records.h"

#include <algorithm>

#include "engine/record/ssl2_record.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

void Ssl2Records::feed(ByteView bytes) {
  if (in_pos_ == in_.size()) {
    in_.clear();
    in_pos_ = 0;
  }
  in_.insert(in_.end(), bytes.begin(), bytes.end());
}

Result<std::optional<Bytes>> Ssl2Records::read() {
  Reader r(ByteView(in_).subspan(in_pos_));
  auto record = read_ssl2_record(r);
  if (!record) return record.error();
  if (!record->has_value()) return std::optional<Bytes>{};
  // No security escape is defined (SSL 2.0 spec §1.1): refuse one.
  if ((*record)->escape) {
    return Error{AlertDescription::unexpected_message, "SSL 2.0 record with IS-ESCAPE set"};
  }
  in_pos_ = in_.size() - r.remaining();
  record_seen_ = true;
  // A peer that fails before it has the keys (at CLIENT-MASTER-KEY) sends
  // its ERROR in the clear, as OpenSSL's SSL 2.0 did: until a protected
  // record has come, a 3-byte ERROR, too short for any protected record (a
  // MAC alone is 16), is read as it is.
  const ByteView body = (*record)->body;
  if (read_.protected_records() && !protected_seen_ && (*record)->padding == 0 &&
      body.size() == 3 && body[0] == static_cast<uint8_t>(Ssl2MessageType::error)) {
    return std::optional<Bytes>(Bytes(body.begin(), body.end()));
  }
  auto data = read_.open(**record);
  if (!data) return data.error();
  protected_seen_ = read_.protected_records();
  return std::optional<Bytes>(std::move(*data));
}

std::optional<AlertDescription> Ssl2Records::tls_alert_first() const {
  if (record_seen_) return std::nullopt;
  // RFC 5246 §6.2.1 and §7.2: type 21, version {3, x}, length 2, level and
  // description.
  Reader r(ByteView(in_).subspan(in_pos_));
  uint8_t type = 0, major = 0, minor = 0, level = 0, description = 0;
  uint16_t length = 0;
  if (!r.u8(type) || !r.u8(major) || !r.u8(minor) || !r.u16(length) || !r.u8(level) ||
      !r.u8(description) || type != 21 || major != 3 || length != 2) {
    return std::nullopt;
  }
  return static_cast<AlertDescription>(description);
}

Status Ssl2Records::write(RecordLayer& out, ByteView data) {
  do {
    const size_t n = std::min(data.size(), write_.max_data());
    auto record = write_.seal(data.first(n));
    if (!record) return record.error();
    out.write_raw(*record);
    data = data.subspan(n);
  } while (!data.empty());
  return ok_status();
}

}  // namespace gauntlet
