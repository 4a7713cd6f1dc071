// TLS record headers (RFC 5246 §6.2.1) over a stream of records. Oracle:
// every record read writes back to exactly the bytes it came from. The
// record is read as a view and its header written on the stack, so nothing
// is allocated per record and the target runs at the speed of the parser.
#include "engine/record/record_header.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  Reader in(ByteView(data, size));
  while (true) {
    const ByteView before = in.rest();
    auto record = read_record_view(in);
    if (!record || !record->has_value()) break;
    const RecordView& r = **record;
    const RecordHeader header = write_record_header(r.type, r.version, r.fragment.size());
    const ByteView consumed = before.first(before.size() - in.remaining());
    if (consumed.size() != header.size() + r.fragment.size() ||
        !fuzz::same_bytes(consumed.first(header.size()), header) ||
        consumed.data() + header.size() != r.fragment.data()) {
      fuzz::oracle_failed();
    }
  }
  return 0;
}
