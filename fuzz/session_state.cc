// The session state a ticket carries (RFC 5077 §4 leaves its encoding to the
// server; engine/session/session.cc defines ours), round-trip oracle.
#include "engine/session/session.h"
#include "fuzz/oracle.h"

namespace {

struct State {
  gauntlet::Session session;
  gauntlet::Bytes serialize() const { return session.serialize_state(); }
  bool operator==(const State&) const = default;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::check_round_trip(ByteView(data, size), [](ByteView b) -> Result<State> {
    auto s = Session::parse_state(b);
    if (!s) return s.error();
    return State{std::move(*s)};
  });
  return 0;
}
