// NewSessionTicket, RFC 5077 §3.3: lifetime hint and an opaque ticket
// (possibly empty: the server declines to issue one after all).
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

struct NewSessionTicket {
  uint32_t ticket_lifetime_hint = 0;
  Bytes ticket;

  static Result<NewSessionTicket> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const NewSessionTicket&) const = default;
};

}  // namespace gauntlet
