#include "engine/messages/ssl2/ssl2_codec.h"

namespace gauntlet {

Status read_ssl2_type(Reader& r, Ssl2MessageType expected) {
  uint8_t type;
  if (!r.u8(type)) return truncated(iana_name(expected));
  if (type != static_cast<uint8_t>(expected)) {
    return decode_error("not an SSLv2 " + iana_name(expected) + " message");
  }
  return ok_status();
}

Result<std::vector<Ssl2CipherKind>> read_cipher_specs(Reader& r, uint16_t length,
                                                      const char* message) {
  if (length % 3 != 0) {
    return decode_error(std::string(message) + ": cipher specs length not a multiple of 3");
  }
  ByteView data;
  if (!r.bytes(length, data)) return truncated(message);
  Reader specs(data);
  std::vector<Ssl2CipherKind> out;
  uint32_t kind;
  while (specs.u24(kind)) out.push_back(static_cast<Ssl2CipherKind>(kind));
  return out;
}

void write_cipher_specs(Writer& w, const std::vector<Ssl2CipherKind>& specs) {
  for (Ssl2CipherKind k : specs) w.u24(static_cast<uint32_t>(k));
}

}  // namespace gauntlet
