// Extensions whose body is one fixed-size value, range-checked:
// max_fragment_length (RFC 6066 §4: 1..4), record_size_limit (RFC 8449 §4:
// at least 64), heartbeat (RFC 6520 §2: mode 1 or 2), padding (RFC 7685 §3:
// zero bytes only), supported_versions in a ServerHello (RFC 8446 §4.2.1),
// key_share in a HelloRetryRequest (§4.2.8), pre_shared_key in a
// ServerHello (§4.2.11) and early_data in NewSessionTicket (§4.2.10).
// Out-of-range values are illegal_parameter; a wrong size is decode_error.
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/registry/named_group.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct MaxFragmentLength {
  uint8_t code;  // 2^(8+code) bytes
  static Result<MaxFragmentLength> parse(ByteView body);
  void serialize(Writer& w) const { w.u8(code); }
  bool operator==(const MaxFragmentLength&) const = default;
};

struct RecordSizeLimit {
  uint16_t limit;
  static Result<RecordSizeLimit> parse(ByteView body);
  void serialize(Writer& w) const { w.u16(limit); }
  bool operator==(const RecordSizeLimit&) const = default;
};

enum class HeartbeatMode : uint8_t { peer_allowed_to_send = 1, peer_not_allowed_to_send = 2 };

struct Heartbeat {
  HeartbeatMode mode;
  static Result<Heartbeat> parse(ByteView body);
  void serialize(Writer& w) const { w.u8(static_cast<uint8_t>(mode)); }
  bool operator==(const Heartbeat&) const = default;
};

struct Padding {
  size_t length;
  static Result<Padding> parse(ByteView body);
  void serialize(Writer& w) const { w.bytes(Bytes(length, 0)); }
  bool operator==(const Padding&) const = default;
};

struct SelectedVersion {
  ProtocolVersion version;
  static Result<SelectedVersion> parse(ByteView body);
  void serialize(Writer& w) const { w.u16(static_cast<uint16_t>(version)); }
  bool operator==(const SelectedVersion&) const = default;
};

struct KeyShareHelloRetry {
  NamedGroup selected_group;
  static Result<KeyShareHelloRetry> parse(ByteView body);
  void serialize(Writer& w) const { w.u16(static_cast<uint16_t>(selected_group)); }
  bool operator==(const KeyShareHelloRetry&) const = default;
};

struct SelectedPsk {
  uint16_t selected_identity;
  static Result<SelectedPsk> parse(ByteView body);
  void serialize(Writer& w) const { w.u16(selected_identity); }
  bool operator==(const SelectedPsk&) const = default;
};

struct MaxEarlyDataSize {
  uint32_t max_early_data_size;
  static Result<MaxEarlyDataSize> parse(ByteView body);
  void serialize(Writer& w) const { w.u32(max_early_data_size); }
  bool operator==(const MaxEarlyDataSize&) const = default;
};

}  // namespace gauntlet
