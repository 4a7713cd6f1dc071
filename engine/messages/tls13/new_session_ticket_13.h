// The TLS 1.3 NewSessionTicket (RFC 8446 §4.6.1): lifetime, age_add,
// ticket_nonce<0..255>, ticket<1..2^16-1>, extensions<0..2^16-2>.
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {

struct NewSessionTicket13 {
  uint32_t ticket_lifetime = 0;
  uint32_t ticket_age_add = 0;
  Bytes ticket_nonce;
  Bytes ticket;
  Extensions extensions;

  static Result<NewSessionTicket13> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const NewSessionTicket13&) const = default;
};

// The lifetime may not exceed seven days (RFC 8446 §4.6.1).
constexpr uint32_t kMaxTicketLifetime = 604800;

}  // namespace gauntlet
