// Every scenario that expects the SUT to refuse something names the RFC
// sentence that refusal rests on (`rule:`, its own or its family's), so a
// failure always says which words of which RFC the SUT broke.
#include <gtest/gtest.h>

#include <variant>

#include "conformance/scenario/loader.h"

namespace gauntlet::conformance {
namespace {

bool refusal(const Expect& e) {
  switch (e.kind) {
    case Expect::Kind::alert:
    case Expect::Kind::failure:
    case Expect::Kind::fatal_alert:
    case Expect::Kind::closed:
    case Expect::Kind::rejected:
    case Expect::Kind::refused:
    case Expect::Kind::not_resumed:
      return true;
    default:
      return false;
  }
}

bool expects_refusal(const Scenario& s) {
  for (const Step& step : s.steps) {
    const bool r = std::visit(
        [](const auto& k) {
          if constexpr (requires { k.expect; }) return refusal(k.expect);
          return false;
        },
        step.kind);
    if (r) return true;
  }
  return false;
}

TEST(ScenarioRules, EveryRefusalQuotesItsRule) {
  const auto scenarios = load_scenario_directory("conformance/scenarios");
  ASSERT_TRUE(scenarios) << scenarios.error().reason;
  int checked = 0;
  for (const Scenario& s : *scenarios) {
    // The ssl2 family rests on the SSL 2.0 draft, not an RFC: its outcomes
    // cite the draft's sections in `rfc:` only.
    if (!expects_refusal(s) || !s.rfc.starts_with("RFC ")) continue;
    ++checked;
    // 'RFC NNNN §X: "the sentence"' (or the SSL 2.0 draft): a section and
    // the words themselves, not a paraphrase.
    EXPECT_FALSE(s.rule.empty()) << s.where.to_string() << ": " << s.id() << " has no rule:";
    EXPECT_NE(s.rule.find(": \""), std::string::npos)
        << s.where.to_string() << ": " << s.id() << "'s rule quotes no sentence: " << s.rule;
  }
  EXPECT_GT(checked, 200);
}

TEST(ScenarioRules, AFamilyRuleIsEveryScenariosUnlessItsOwn) {
  constexpr const char* kFamily = R"(family: demo
description: A demo family.
rfc: RFC 5246 §6.2.3.2
defaults:
  scripted: client
  rule: 'RFC 5246 §6.2.3.2: "The receiver MUST check this padding"'
scenarios:
  - name: inherits
    description: The family's rule.
    steps:
      - handshake: {alert: bad_record_mac}
  - name: own
    description: Its own rule.
    rule: 'RFC 5246 §7.2.2: "decode_error"'
    steps:
      - handshake: {alert: decode_error}
)";
  const auto family = load_family_text(kFamily, "f.yaml");
  ASSERT_TRUE(family) << family.error().reason;
  ASSERT_EQ(family->size(), 2u);
  EXPECT_EQ((*family)[0].rule, R"(RFC 5246 §6.2.3.2: "The receiver MUST check this padding")");
  EXPECT_EQ((*family)[1].rule, R"(RFC 5246 §7.2.2: "decode_error")");
}

}  // namespace
}  // namespace gauntlet::conformance
