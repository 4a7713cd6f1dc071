// gauntlet decode over arbitrary captures: must never crash, and both
// printers must accept whatever the decoder produced.
#include "engine/messages/decode/capture_input.h"
#include "engine/messages/decode/decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  const Capture capture = read_capture(ByteView(data, size));
  const auto fields = decode_capture(capture.records, capture.decrypted);
  (void)to_text(fields);
  (void)to_json(fields);
  return 0;
}
