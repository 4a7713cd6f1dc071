// KeyUpdate (RFC 8446 §4.6.3): one byte, update_not_requested(0) or
// update_requested(1); anything else is illegal_parameter. EndOfEarlyData
// (§4.5) is empty.
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

enum class KeyUpdateRequest : uint8_t { update_not_requested = 0, update_requested = 1 };

struct KeyUpdate {
  KeyUpdateRequest request_update;

  static Result<KeyUpdate> parse(ByteView body);
  Bytes serialize() const { return {static_cast<uint8_t>(request_update)}; }
  bool operator==(const KeyUpdate&) const = default;
};

struct EndOfEarlyData {
  static Result<EndOfEarlyData> parse(ByteView body);
  Bytes serialize() const { return {}; }
  bool operator==(const EndOfEarlyData&) const = default;
};

}  // namespace gauntlet
