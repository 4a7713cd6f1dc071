#include "conformance/runner/wire_log.h"

#include "engine/base/alert.h"
#include "engine/registry/content_type.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet::conformance {

std::string WireLog::describe(ByteView bytes) {
  pending_.insert(pending_.end(), bytes.begin(), bytes.end());
  std::string out;
  Reader r(pending_);
  for (;;) {
    Reader rec = r;
    uint8_t type = 0;
    uint16_t version = 0;
    Reader body;
    if (!rec.u8(type) || !rec.u16(version) || !rec.prefixed16(body)) break;
    r = rec;
    const auto ct = static_cast<ContentType>(type);
    std::string item = iana_name(ct) + " " + std::to_string(body.remaining());
    uint8_t first = 0, second = 0;
    if (encrypted_) {
      item += " (encrypted)";
    } else if (ct == ContentType::handshake && body.peek_u8(first)) {
      item += " (" + iana_name(static_cast<HandshakeType>(first)) + ")";
    } else if (ct == ContentType::alert && body.remaining() == 2 && body.u8(first) &&
               body.u8(second)) {
      item += std::string(first == 2 ? " (fatal " : " (warning ") +
              iana_name(static_cast<AlertDescription>(second)) + ")";
    }
    if (ct == ContentType::change_cipher_spec) encrypted_ = true;
    out += (out.empty() ? "" : ", ") + item;
  }
  pending_.erase(pending_.begin(), pending_.end() - static_cast<std::ptrdiff_t>(r.remaining()));
  if (!pending_.empty()) out += (out.empty() ? "" : ", ") + std::string("partial record");
  return out.empty() ? std::to_string(bytes.size()) + " bytes" : out;
}

}  // namespace gauntlet::conformance
