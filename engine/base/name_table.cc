#include "engine/base/name_table.h"

#include <cstdio>

namespace gauntlet {

std::string unknown_name(uint32_t value, int hex_digits) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "unknown(0x%0*x)", hex_digits, value);
  return buf;
}

}  // namespace gauntlet
