#include "engine/messages/decode/capture_input.h"

#include <cctype>
#include <string>

namespace gauntlet {

Bytes decode_capture_text(ByteView contents) {
  std::string digits;
  bool comment = false, line_start = true;
  for (uint8_t c : contents) {
    if (line_start && c == '#') comment = true;
    line_start = c == '\n';
    if (c == '\n') comment = false;
    if (comment || std::isspace(c) || c == ':') continue;
    if (!std::isxdigit(c)) return Bytes(contents.begin(), contents.end());
    digits += static_cast<char>(c);
  }
  if (digits.empty() || digits.size() % 2 != 0) return Bytes(contents.begin(), contents.end());
  Bytes out;
  for (size_t i = 0; i < digits.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
  }
  return out;
}

}  // namespace gauntlet
