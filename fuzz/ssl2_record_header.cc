// SSL 2.0 record headers, the form an SSLv2-compatible ClientHello arrives in
// (RFC 5246 appendix E.2) and every SSL 2.0 record's, over a stream of
// records. Oracle: the escape flag is the 3-byte header's second bit, a
// header without it writes back in its own form to the bytes it came from,
// and the padding never exceeds the body.
#include "engine/record/record_header.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  Reader in(ByteView(data, size));
  (void)looks_like_ssl2_client_hello(in.rest());
  while (true) {
    auto header = read_ssl2_header(in.rest());
    if (!header || !header->has_value()) break;
    const Ssl2RecordHeader h = **header;
    if (h.padding > h.length) fuzz::oracle_failed();
    uint8_t first = 0;
    ByteView wire;
    if (!in.peek_u8(first) || !in.bytes(h.header_size, wire)) fuzz::oracle_failed();
    const bool escape = h.header_size == 3 && (first & 0x40) != 0;
    if (h.escape != escape) fuzz::oracle_failed();
    if (!escape) {
      const auto form = h.header_size == 2 ? Ssl2HeaderForm::two_byte : Ssl2HeaderForm::three_byte;
      auto again = write_ssl2_header(h.length, h.padding, form);
      if (!again || !fuzz::same_bytes(*again, wire)) {
        fuzz::oracle_failed();
      }
    }
    if (!in.skip(h.length)) break;
  }
  return 0;
}
