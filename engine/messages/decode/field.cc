#include "engine/messages/decode/field.h"

#include <nlohmann/json.hpp>

namespace gauntlet {
namespace {

void text(const Field& f, int depth, std::string& out) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  if (f.offset) out += "@" + std::to_string(*f.offset) + " ";
  out += f.name;
  if (!f.value.empty()) out += ": " + f.value;
  if (f.error) out += "  <-- " + *f.error;
  out += '\n';
  for (const Field& c : f.children) text(c, depth + 1, out);
}

nlohmann::ordered_json json(const Field& f) {
  nlohmann::ordered_json j;
  j["name"] = f.name;
  if (!f.value.empty()) j["value"] = f.value;
  if (f.offset) j["offset"] = *f.offset;
  if (f.error) j["error"] = *f.error;
  if (!f.children.empty()) {
    j["fields"] = nlohmann::ordered_json::array();
    for (const Field& c : f.children) j["fields"].push_back(json(c));
  }
  return j;
}

}  // namespace

Field& Field::add(std::string child_name, std::string child_value) {
  children.push_back(Field{std::move(child_name), std::move(child_value), {}, {}, {}});
  return children.back();
}

std::string hex_string(ByteView bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::string to_text(const std::vector<Field>& fields) {
  std::string out;
  for (const Field& f : fields) text(f, 0, out);
  return out;
}

std::string to_json(const std::vector<Field>& fields) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const Field& f : fields) j.push_back(json(f));
  // Names from the wire (SNI, ALPN) need not be UTF-8: replace what is not,
  // rather than throw.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace gauntlet
