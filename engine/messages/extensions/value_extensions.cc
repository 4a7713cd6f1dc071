#include "engine/messages/extensions/value_extensions.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {
namespace {

// Reads exactly one unsigned value of the given width from body.
template <typename T>
Result<T> exactly(ByteView body, const char* what) {
  Reader r(body);
  uint64_t v = 0;
  bool ok = false;
  if constexpr (sizeof(T) == 1) {
    uint8_t x;
    ok = r.u8(x);
    v = x;
  } else if constexpr (sizeof(T) == 2) {
    uint16_t x;
    ok = r.u16(x);
    v = x;
  } else {
    uint32_t x;
    ok = r.u32(x);
    v = x;
  }
  if (!ok) return truncated(what);
  if (Status s = expect_end(r, what); !s) return s.error();
  return static_cast<T>(v);
}

}  // namespace

Result<MaxFragmentLength> MaxFragmentLength::parse(ByteView body) {
  auto v = exactly<uint8_t>(body, "max_fragment_length");
  if (!v) return v.error();
  if (*v < 1 || *v > 4) return illegal_parameter("max_fragment_length: code outside 1..4");
  return MaxFragmentLength{*v};
}

Result<RecordSizeLimit> RecordSizeLimit::parse(ByteView body) {
  auto v = exactly<uint16_t>(body, "record_size_limit");
  if (!v) return v.error();
  if (*v < 64) return illegal_parameter("record_size_limit: under 64");
  return RecordSizeLimit{*v};
}

Result<Heartbeat> Heartbeat::parse(ByteView body) {
  auto v = exactly<uint8_t>(body, "heartbeat");
  if (!v) return v.error();
  if (*v != 1 && *v != 2) return illegal_parameter("heartbeat: unknown mode");
  return Heartbeat{static_cast<HeartbeatMode>(*v)};
}

Result<Padding> Padding::parse(ByteView body) {
  for (uint8_t b : body) {
    if (b != 0) return illegal_parameter("padding: non-zero byte");
  }
  return Padding{body.size()};
}

Result<SelectedVersion> SelectedVersion::parse(ByteView body) {
  auto v = exactly<uint16_t>(body, "supported_versions");
  if (!v) return v.error();
  return SelectedVersion{static_cast<ProtocolVersion>(*v)};
}

Result<KeyShareHelloRetry> KeyShareHelloRetry::parse(ByteView body) {
  auto v = exactly<uint16_t>(body, "key_share");
  if (!v) return v.error();
  return KeyShareHelloRetry{static_cast<NamedGroup>(*v)};
}

Result<SelectedPsk> SelectedPsk::parse(ByteView body) {
  auto v = exactly<uint16_t>(body, "pre_shared_key");
  if (!v) return v.error();
  return SelectedPsk{*v};
}

Result<MaxEarlyDataSize> MaxEarlyDataSize::parse(ByteView body) {
  auto v = exactly<uint32_t>(body, "early_data");
  if (!v) return v.error();
  return MaxEarlyDataSize{*v};
}

}  // namespace gauntlet
