// Handshake reassembly: the first byte sets the record fragment size. Oracle:
// the messages handed out, serialized, are the bytes that went in; and the
// input read as one framed message (RFC 5246 §7.4) round-trips.
#include "engine/messages/framing/reassembler.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  fuzz::check_round_trip(in.rest, HandshakeMessage::parse);
  HandshakeReassembler reassembler(MessageLimits{.max_message = 4096, .max_certificate = 8192});
  Bytes out;
  for (const Bytes& fragment : split_into_fragments(in.rest, size_t{in.selector} + 1)) {
    if (!reassembler.add(fragment)) return 0;
    while (true) {
      auto message = reassembler.next();
      if (!message || !message->has_value()) break;
      const Bytes framed = (*message)->serialize();
      out.insert(out.end(), framed.begin(), framed.end());
    }
  }
  // What was reassembled is the input's prefix, byte for byte.
  if (out.size() > in.rest.size() || !fuzz::same_bytes(out, in.rest.first(out.size()))) {
    fuzz::oracle_failed();
  }
  return 0;
}
