// What an exchange puts on the wire: a request from the client side (ours
// or the SUT's), which any server, echoing or HTTP, answers with something;
// and our side's answer when it plays the server.
#pragma once

#include <string_view>

#include "engine/base/reader.h"

namespace gauntlet::conformance {

inline constexpr std::string_view kClientRequest = "GET / HTTP/1.0\r\n\r\n";
inline constexpr std::string_view kServerAnswer = "HTTP/1.0 200 OK\r\n\r\ngauntlet\r\n";

inline ByteView text_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

}  // namespace gauntlet::conformance
