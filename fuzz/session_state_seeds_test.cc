// The session_state seeds are in the engine's current state format: one that
// the format byte refuses (engine/session/session.cc) reaches no field
// parser, so a corpus left in an older format fuzzes only that byte. Fuzzed
// inputs merged later need not parse; the seeds for each version must.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "engine/session/session.h"

namespace gauntlet {
namespace {

TEST(SessionStateSeeds, EachVersionHasOneThatParses) {
  std::set<ProtocolVersion> parsed;
  for (const auto& entry : std::filesystem::directory_iterator("corpora/session_state")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const Bytes state(std::istreambuf_iterator<char>(in), {});
    if (auto s = Session::parse_state(state)) parsed.insert(s->version);
  }
  EXPECT_TRUE(parsed.contains(ProtocolVersion::ssl3));
  EXPECT_TRUE(parsed.contains(ProtocolVersion::tls12));
  EXPECT_TRUE(parsed.contains(ProtocolVersion::tls13));
}

}  // namespace
}  // namespace gauntlet
