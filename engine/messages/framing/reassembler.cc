#include "engine/messages/framing/reassembler.h"

#include <algorithm>
#include <string>

namespace gauntlet {

Status HandshakeReassembler::add(ByteView fragment) {
  if (fragment.empty()) {
    return Error{AlertDescription::unexpected_message, "zero-length handshake record"};
  }
  pending_.insert(pending_.end(), fragment.begin(), fragment.end());
  return ok_status();
}

Result<std::optional<HandshakeMessage>> HandshakeReassembler::next() {
  Reader r(pending_);
  uint8_t type;
  uint32_t length;
  if (!r.u8(type) || !r.u24(length)) return std::optional<HandshakeMessage>{};
  const auto htype = static_cast<HandshakeType>(type);
  if (length > limits_.limit_for(htype)) {
    return decode_error("handshake message of type " + std::to_string(type) + " announces " +
                             std::to_string(length) + " bytes, over the limit of " +
                             std::to_string(limits_.limit_for(htype)));
  }
  Bytes body;
  if (!r.bytes(length, body)) return std::optional<HandshakeMessage>{};
  pending_.erase(pending_.begin(), pending_.end() - static_cast<ptrdiff_t>(r.remaining()));
  return std::optional<HandshakeMessage>{HandshakeMessage{htype, std::move(body)}};
}

std::vector<Bytes> split_into_fragments(ByteView messages, size_t max_fragment) {
  std::vector<Bytes> out;
  Reader r(messages);
  while (!r.empty()) {
    Bytes chunk;
    if (!r.bytes(std::min(std::max<size_t>(max_fragment, 1), r.remaining()), chunk)) break;
    out.push_back(std::move(chunk));
  }
  return out;
}

}  // namespace gauntlet
