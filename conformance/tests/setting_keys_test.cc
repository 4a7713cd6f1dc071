// The key tables of `sut`, `peer` and `bugs` are what docs/CONFORMANCE.md
// lists, key for key and word for word; and a key outside them is refused.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "conformance/scenario/loader.h"
#include "conformance/scenario/setting_keys.h"

namespace gauntlet::conformance {
namespace {

// The list under the heading "#### `block`": one "- `key`: doc" line a key.
std::string documented(const std::string& block) {
  std::ifstream in("docs/CONFORMANCE.md");
  std::string line, out;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) {
      inside = line == "#### `" + block + "`";
      continue;
    }
    if (inside && line.starts_with("- ")) out += line + "\n";
  }
  return out;
}

template <typename T>
std::string table(std::span<const SettingKey<T>> keys) {
  std::string out;
  for (const auto& k : keys) out += "- `" + std::string(k.key) + "`: " + std::string(k.doc) + "\n";
  return out;
}

TEST(SettingKeysTest, DocsListEveryKey) {
  ASSERT_TRUE(std::ifstream("docs/CONFORMANCE.md")) << "docs/CONFORMANCE.md is not in the runfiles";
  // On a difference, the expected list is printed whole, ready to paste.
  EXPECT_EQ(documented("sut"), table(sut_keys()));
  EXPECT_EQ(documented("peer"), table(peer_keys()));
  EXPECT_EQ(documented("bugs"), table(bugs_keys()));
}

TEST(SettingKeysTest, UnknownKeysListTheTable) {
  const auto r = load_family_text(R"(family: f
rfc: RFC 5246
scenarios:
  - name: n
    description: d
    scripted: client
    bugs: {corupt_finished: true}
    steps: [handshake: success]
)",
                                   "f.yaml");
  ASSERT_FALSE(r);
  std::string allowed;
  for (const auto& k : bugs_keys()) allowed += (allowed.empty() ? "" : ", ") + std::string(k.key);
  EXPECT_EQ(r.error().reason,
            "f.yaml:7: unknown key 'corupt_finished' (expected one of: " + allowed + ")");
}

}  // namespace
}  // namespace gauntlet::conformance
