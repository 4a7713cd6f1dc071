// The extensions block in each message context (selector byte), round-trip
// oracle over the block and every typed body in it.
#include "engine/messages/extensions/extensions.h"
#include "fuzz/oracle.h"

namespace {

// Extensions::serialize writes the length prefix; the fuzz input is the body.
struct Block {
  gauntlet::Extensions extensions;
  gauntlet::Bytes serialize() const {
    gauntlet::Writer w;
    extensions.serialize(w);
    gauntlet::Bytes out = w.take();
    return gauntlet::Bytes(out.begin() + 2, out.end());
  }
  bool operator==(const Block&) const = default;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  const auto context = static_cast<ExtensionContext>(in.selector % 7);
  fuzz::check_round_trip(in.rest, [&](ByteView b) -> Result<Block> {
    if (b.size() > 0xffff) return decode_error("block too long for its length");
    auto e = Extensions::parse(b, context);
    if (!e) return e.error();
    return Block{std::move(*e)};
  });
  return 0;
}
