// TLS record headers (RFC 5246 §6.2.1) over a stream of records. Oracle:
// every record read writes back to exactly the bytes it came from.
#include "engine/record/record_header.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  const ByteView input(data, size);
  Reader in(input);
  while (true) {
    const size_t before = in.remaining();
    auto record = read_record(in);
    if (!record || !record->has_value()) break;
    const Bytes again = write_record((*record)->type, (*record)->version, (*record)->fragment);
    const ByteView consumed = input.subspan(size - before, before - in.remaining());
    if (!std::equal(again.begin(), again.end(), consumed.begin(), consumed.end())) {
      fuzz::oracle_failed();
    }
  }
  return 0;
}
