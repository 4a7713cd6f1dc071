// Every typed extension body on its own, without the block around it: the
// selector byte picks one alternative of ExtensionBody (RawExtension aside,
// which any bytes are), so each body's parser is reached directly rather
// than only through the context table of extensions.cc. Round-trip oracle.
#include <utility>
#include <variant>

#include "engine/messages/extensions/extension_body.h"
#include "fuzz/oracle.h"

namespace {

using gauntlet::ByteView;
using gauntlet::ExtensionBody;

// Bodies serialize into a Writer; the oracle wants bytes.
template <typename T>
struct Body {
  T value;
  gauntlet::Result<gauntlet::Bytes> serialize() const {
    gauntlet::Writer w;
    value.serialize(w);
    if (!w.ok()) return gauntlet::internal_error("body overflows its length prefix");
    return w.take();
  }
  bool operator==(const Body&) const = default;
};

template <typename T>
void check(ByteView input) {
  gauntlet::fuzz::check_round_trip(input, [](ByteView b) -> gauntlet::Result<Body<T>> {
    auto parsed = T::parse(b);
    if (!parsed) return parsed.error();
    return Body<T>{std::move(*parsed)};
  });
}

constexpr size_t kTyped = std::variant_size_v<ExtensionBody> - 1;

template <size_t... I>
void dispatch(size_t index, ByteView input, std::index_sequence<I...>) {
  ((index == I ? check<std::variant_alternative_t<I + 1, ExtensionBody>>(input) : void()), ...);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::Selected in;
  if (!gauntlet::fuzz::select(data, size, in)) return 0;
  dispatch(in.selector % kTyped, in.rest, std::make_index_sequence<kTyped>{});
  return 0;
}
