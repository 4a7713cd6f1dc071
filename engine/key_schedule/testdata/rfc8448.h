// Test support: the RFC 8448 values of rfc8448.txt, by "section.name"
// (e.g. "simple.master_secret"). A missing file or name fails the test.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "engine/crypto/test_hex.h"

namespace gauntlet::rfc8448 {

inline const std::map<std::string, Bytes>& all() {
  static const std::map<std::string, Bytes> values = [] {
    std::map<std::string, Bytes> out;
    std::ifstream in("engine/key_schedule/testdata/rfc8448.txt");
    EXPECT_TRUE(in.good()) << "rfc8448.txt not found";
    std::string line, section, name;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      if (line[0] == '[') {
        section = line.substr(1, line.find(']') - 1);
      } else if (line[0] == ' ') {
        const Bytes more = hex(line);
        out[name].insert(out[name].end(), more.begin(), more.end());
      } else {
        const size_t colon = line.find(':');
        name = section + "." + line.substr(0, colon);
        out[name] = hex(line.substr(colon + 1));
      }
    }
    return out;
  }();
  return values;
}

inline const Bytes& value(const std::string& name) {
  static const Bytes kMissing;
  const auto it = all().find(name);
  EXPECT_NE(it, all().end()) << "no RFC 8448 value " << name;
  return it == all().end() ? kMissing : it->second;
}

}  // namespace gauntlet::rfc8448
