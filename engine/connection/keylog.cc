#include "engine/connection/keylog.h"

namespace gauntlet {

namespace {
void append_hex(std::string& out, ByteView bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (const uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xf]);
  }
}
}  // namespace

std::string nss_keylog_line(ByteView client_random, ByteView master_secret) {
  std::string line = "CLIENT_RANDOM ";
  append_hex(line, client_random);
  line.push_back(' ');
  append_hex(line, master_secret);
  return line;
}

}  // namespace gauntlet
