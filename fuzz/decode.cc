// gauntlet decode over arbitrary captures: must never crash, and both
// printers must accept whatever the decoder produced.
#include "engine/messages/decode/capture_input.h"
#include "engine/messages/decode/decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  const auto fields = decode_capture(decode_capture_text(ByteView(data, size)));
  (void)to_text(fields);
  (void)to_json(fields);
  return 0;
}
