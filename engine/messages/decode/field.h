// A decoded capture as a tree of named fields, printed as indented text or
// JSON. A field whose parse failed carries the reason where it failed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/reader.h"

namespace gauntlet {

struct Field {
  std::string name;
  std::string value;
  std::vector<Field> children;
  std::optional<std::string> error;  // "decode_error: ClientHello: truncated"
  std::optional<size_t> offset;      // of a record, in the capture

  Field& add(std::string child_name, std::string child_value = {});
};

std::string hex_string(ByteView bytes);

std::string to_text(const std::vector<Field>& fields);
std::string to_json(const std::vector<Field>& fields);

}  // namespace gauntlet
