// pre_shared_key in a ClientHello (RFC 8446 §4.2.11): identities<7..2^16-1>
// of (identity<1..2^16-1>, obfuscated_ticket_age), then
// binders<33..2^16-1> of PskBinderEntry<32..255>, one binder per identity
// (a mismatch is illegal_parameter). The ServerHello form is SelectedPsk.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

struct PskIdentity {
  Bytes identity;
  uint32_t obfuscated_ticket_age;
  bool operator==(const PskIdentity&) const = default;
};

struct OfferedPsks {
  std::vector<PskIdentity> identities;
  std::vector<Bytes> binders;

  static Result<OfferedPsks> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const OfferedPsks&) const = default;
};

}  // namespace gauntlet
