// The mutation table of docs/CONFORMANCE.md, measured on the whole matrix:
// for each `Bugs` knob, every case that runs our engine in the knob's role,
// against our engine with the knob on. A knob no case catches is a
// deviation the suite cannot see; the cases the table names for it must be
// among those that do, and pass against our engine without it. Every knob
// is in the table or set apart with its reason, so a new knob cannot go
// untested.
#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "conformance/runner/executor.h"
#include "conformance/scenario/setting_keys.h"
#include "conformance/targets/self_target.h"
#include "conformance/tests/mutation_table.h"

namespace gauntlet::conformance {
namespace {

TEST(MutationTable, EveryKnobIsInTheTableOrSetApart) {
  std::set<std::string> tested;
  for (const Mutation& m : mutations()) tested.insert(m.knob);
  for (const auto& key : bugs_keys()) {
    const std::string k(key.key);
    EXPECT_TRUE(tested.contains(k) || knobs_apart().contains(k))
        << k << " has no row in the mutation table";
  }
  const auto doc = documented_mutations();
  for (const Mutation& m : mutations()) {
    EXPECT_TRUE(doc.contains({m.knob, role_name(m.sut)}))
        << m.knob << " (" << role_name(m.sut) << ") is not in docs/CONFORMANCE.md's mutation table";
  }
  EXPECT_EQ(doc.size(), mutations().size()) << "the table has rows the test does not know";
}

class WholeMatrix : public testing::TestWithParam<size_t> {};

TEST_P(WholeMatrix, CatchesTheKnob) {
  const Mutation& m = mutations()[GetParam()];
  Bugs bugs;
  m.set(bugs);
  const SelfTarget lax{Pki{}, bugs};
  std::set<std::string> caught;
  size_t run = 0;
  for (const Case& c : all_cases()) {
    if (sut_role(c) != m.sut) continue;
    ++run;
    const CaseResult r = run_case(c, lax, RunSettings{});
    if (r.verdict == Verdict::fail || r.verdict == Verdict::lenient) caught.insert(c.id());
  }
  std::cout << m.knob << " (" << role_name(m.sut) << "): caught by " << caught.size() << " of "
            << run << " cases\n";
  EXPECT_FALSE(caught.empty()) << m.knob << " (" << role_name(m.sut) << ") is caught by no case";
  const auto doc = documented_mutations();
  const auto row = doc.find({m.knob, role_name(m.sut)});
  if (row == doc.end()) return;  // EveryKnobIsInTheTableOrSetApart says so
  EXPECT_FALSE(row->second.empty()) << m.knob;
  const SelfTarget strict{Pki{}};
  for (const std::string& id : row->second) {
    const Case* c = find_case(id);
    ASSERT_NE(c, nullptr) << m.knob << ": no case " << id;
    EXPECT_EQ(sut_role(*c), m.sut) << id << " does not run our engine as a " << role_name(m.sut);
    EXPECT_TRUE(caught.contains(id)) << m.knob << ": the table names " << id << ", which does not catch it";
    const CaseResult good = run_case(*c, strict, RunSettings{});
    EXPECT_EQ(good.verdict, Verdict::pass) << id << ": " << good.reason;
  }
}

INSTANTIATE_TEST_SUITE_P(Knobs, WholeMatrix, testing::Range<size_t>(0, mutations().size()),
                         [](const testing::TestParamInfo<size_t>& info) {
                           const Mutation& m = mutations()[info.param];
                           return m.knob + "_" + role_name(m.sut);
                         });

}  // namespace
}  // namespace gauntlet::conformance
