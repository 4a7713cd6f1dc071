// Reassembles handshake messages from the bodies of handshake records: one
// message may span records and one record may carry several messages
// (RFC 5246 §6.2.1). Bounded by MessageLimits, so a peer announcing a huge
// length cannot make us buffer it.
#pragma once

#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/framing/limits.h"

namespace gauntlet {

class HandshakeReassembler {
 public:
  explicit HandshakeReassembler(MessageLimits limits = {}) : limits_(limits) {}

  // The plaintext of one handshake record. Zero-length handshake fragments
  // are forbidden (RFC 5246 §6.2.1) → unexpected_message.
  Status add(ByteView fragment);

  // The next complete message, nullopt if more bytes are needed, or an Error
  // when the announced length exceeds the limit: decode_error, "the length of
  // the message was incorrect" (RFC 5246 §7.2.2), which is what a hello past
  // the default limit is (limits.h).
  Result<std::optional<HandshakeMessage>> next();

  // True when no partial message is buffered: a change of keys or record type
  // must fall on a message boundary (RFC 5246 §7.1, RFC 8446 §5.1).
  bool at_boundary() const { return pending_.empty(); }
  // The type byte of the message being reassembled, as soon as it is here.
  std::optional<uint8_t> pending_type() const {
    return pending_.empty() ? std::nullopt : std::optional<uint8_t>(pending_.front());
  }

 private:
  MessageLimits limits_;
  Bytes pending_;
};

// Splits serialized handshake messages into record-sized fragments
// (max_fragment ≥ 1). Empty input gives no fragments.
std::vector<Bytes> split_into_fragments(ByteView messages, size_t max_fragment);

}  // namespace gauntlet
