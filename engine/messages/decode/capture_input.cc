#include "engine/messages/decode/capture_input.h"

#include <cctype>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace gauntlet {
namespace {

bool is_trace(const std::string& text) {
  return text.rfind(">>> ", 0) == 0 || text.rfind("<<< ", 0) == 0 ||
         text.find("\n>>> ") != std::string::npos || text.find("\n<<< ") != std::string::npos;
}

// Appends the hex digit pairs of `line` to out; false if the line holds
// anything else.
bool append_hex(const std::string& line, std::string& digits) {
  for (char c : line) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ':') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    digits += c;
  }
  return true;
}

Bytes from_digits(const std::string& digits) {
  Bytes out;
  for (size_t i = 0; i + 1 < digits.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
  }
  return out;
}

// -msg prints each record header, then the record's plaintext (message by
// message) as blocks: a ">>>"/"<<<" line, then indented hex. Records of one
// direction are rebuilt from them with the length set to the plaintext that
// follows, since after ChangeCipherSpec the header counts ciphertext. OpenSSL
// does not print the body of a ChangeCipherSpec it receives: it is 01.
struct TraceRecord {
  std::string header, body;
};

Bytes from_trace(const std::string& text, TraceDirection direction) {
  const std::string wanted = direction == TraceDirection::sent ? ">>> " : "<<< ";
  std::istringstream lines(text);
  std::string line;
  std::vector<TraceRecord> records;
  bool taking = false, header = false;
  while (std::getline(lines, line)) {
    if (line.rfind(">>> ", 0) == 0 || line.rfind("<<< ", 0) == 0) {
      taking = line.rfind(wanted, 0) == 0;
      header = taking && line.find("RecordHeader") != std::string::npos;
      if (header) records.emplace_back();
    } else if (taking && !records.empty() && !line.empty() &&
               std::isspace(static_cast<unsigned char>(line[0]))) {
      append_hex(line, header ? records.back().header : records.back().body);
    } else {
      taking = false;
    }
  }
  std::string digits;
  for (TraceRecord& r : records) {
    if (r.header.size() != 10) continue;
    if (r.body.empty() && r.header.compare(0, 2, "14") == 0) r.body = "01";
    char length[8];
    std::snprintf(length, sizeof length, "%04x", static_cast<unsigned>(r.body.size() / 2 & 0xffff));
    digits += r.header.substr(0, 6) + length + r.body;
  }
  return from_digits(digits);
}

}  // namespace

Capture read_capture(ByteView contents, TraceDirection direction) {
  const std::string text(contents.begin(), contents.end());
  if (is_trace(text)) return {from_trace(text, direction), true};
  const Capture raw{Bytes(contents.begin(), contents.end()), false};
  std::istringstream lines(text);
  std::string line, digits;
  while (std::getline(lines, line)) {
    if (line.rfind('#', 0) == 0) continue;
    if (!append_hex(line, digits)) return raw;
  }
  if (digits.empty() || digits.size() % 2 != 0) return raw;
  return {from_digits(digits), false};
}

}  // namespace gauntlet
