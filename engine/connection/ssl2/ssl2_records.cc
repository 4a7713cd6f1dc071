#include "engine/connection/ssl2/ssl2_records.h"

#include <algorithm>

#include "engine/record/ssl2_record.h"

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
  auto data = read_.open(**record);
  if (!data) return data.error();
  in_pos_ = in_.size() - r.remaining();
  return std::optional<Bytes>(std::move(*data));
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
