#include "engine/record/ssl2_record.h"

#include <string>

namespace gauntlet {

Result<std::optional<Ssl2RecordView>> read_ssl2_record(Reader& in, size_t max_length) {
  auto header = read_ssl2_header(in.rest());
  if (!header) return header.error();
  if (!header->has_value()) return std::optional<Ssl2RecordView>{};
  const Ssl2RecordHeader& h = **header;
  if (h.length > max_length) {
    return Error{AlertDescription::record_overflow, "SSLv2 record of " + std::to_string(h.length) +
                                                        " bytes exceeds " +
                                                        std::to_string(max_length)};
  }
  Reader r = in;
  ByteView body;
  if (!r.skip(h.header_size) || !r.bytes(h.length, body)) return std::optional<Ssl2RecordView>{};
  in = r;
  return std::optional<Ssl2RecordView>{
      Ssl2RecordView{h.header_size == 2 ? Ssl2HeaderForm::two_byte : Ssl2HeaderForm::three_byte,
                     h.escape, h.padding, body}};
}

}  // namespace gauntlet
