#include "engine/record/ssl2_record.h"

namespace gauntlet {

Result<std::optional<Ssl2RecordView>> read_ssl2_record(Reader& in) {
  auto header = read_ssl2_header(in.rest());
  if (!header) return header.error();
  if (!header->has_value()) return std::optional<Ssl2RecordView>{};
  const Ssl2RecordHeader& h = **header;
  Reader r = in;
  ByteView body;
  if (!r.skip(h.header_size) || !r.bytes(h.length, body)) return std::optional<Ssl2RecordView>{};
  in = r;
  return std::optional<Ssl2RecordView>{
      Ssl2RecordView{h.header_size == 2 ? Ssl2HeaderForm::two_byte : Ssl2HeaderForm::three_byte,
                     h.escape, h.padding, body}};
}

}  // namespace gauntlet
