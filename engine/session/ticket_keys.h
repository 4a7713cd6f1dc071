// Session ticket protection, in the layout RFC 5077 §4 recommends:
//   key_name[16] || IV[16] || encrypted_state<0..2^16-1> || HMAC-SHA256[32]
// with AES-128-CBC (PKCS#7 padding) and HMAC over everything before it.
// Keys rotate: new tickets use the newest key, older keys still open tickets
// until they are retired. Thread-safe.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/random.h"
#include "engine/session/session.h"

namespace gauntlet {

struct TicketKey {
  Bytes name;      // 16 bytes
  Bytes aes_key;   // 16 bytes
  Bytes hmac_key;  // 32 bytes

  static TicketKey generate(RandomSource& random);
};

class TicketKeys {
 public:
  // Keeps at most `keep` keys: the newest seals, all of them open.
  explicit TicketKeys(TicketKey first, size_t keep = 3);

  void rotate(TicketKey next);

  Result<Bytes> seal(const Session& session, RandomSource& random) const;

  struct Opened {
    Session session;
    // Sealed under a key that no longer seals: worth renewing, so the client
    // holds a ticket that outlives that key's retirement (RFC 5077 §3.3).
    bool older_key = false;
  };
  // nullopt for a ticket under an unknown key, with a bad MAC, or with state
  // that does not parse: the server then runs a full handshake (RFC 5077
  // §3.4), so none of these is an error on the connection.
  std::optional<Opened> open(ByteView ticket) const;

 private:
  mutable std::mutex mu_;
  size_t keep_;
  std::deque<TicketKey> keys_;  // newest first
};

}  // namespace gauntlet
