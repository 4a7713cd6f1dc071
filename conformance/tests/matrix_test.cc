// The conformance matrix against "self" and "openssl" as GoogleTest cases,
// one per case and target, so that Bazel shards it and CI names each
// failure. Known failures (conformance/expectations/) skip with their
// reason; a listed case that passes fails, so the lists stay true.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "conformance/runner/executor.h"
#include "conformance/runner/known_failures.h"
#include "conformance/runner/response_groups.h"
#include "conformance/scenario/loader.h"
#include "conformance/targets/openssl_target.h"
#include "conformance/targets/self_target.h"

namespace gauntlet::conformance {
namespace {

class CaseTest : public testing::Test {
 public:
  CaseTest(const Case& c, const Target& t, const KnownFailures* known, const RunSettings& s)
      : case_(c), target_(t), known_(known), settings_(s) {}

  void TestBody() override {
    const CaseResult r = run_case(case_, target_, settings_);
    const Outcome o = classify(r, known_, false);
    std::string transcript;
    for (const auto& line : r.transcript) transcript += line + "\n";
    if (o == Outcome::skip) GTEST_SKIP() << r.reason;
    if (o == Outcome::known_failure) GTEST_SKIP() << "known failure: " << known_->match(r.id)->reason;
    // Our scenarios are written so that our own engine takes up every
    // deviation; another stack may rightly never ask for one.
    if (o == Outcome::not_delivered && target_.name() != "self") {
      GTEST_SKIP() << "not delivered: " << r.reason;
    }
    EXPECT_NE(o, Outcome::not_delivered) << r.id << " not delivered: " << r.reason << "\n" << transcript;
    EXPECT_NE(o, Outcome::unexpected_pass)
        << r.id << " passes but is listed in conformance/expectations/" << target_.name() << ".yaml";
    EXPECT_FALSE(is_regression(o)) << r.id << " (" << r.where.to_string() << ", " << r.rfc
                                   << "): " << r.reason << "\n" << transcript;
  }

 private:
  const Case& case_;
  const Target& target_;
  const KnownFailures* known_;
  const RunSettings& settings_;
};

// The cases of one same_response group, target, version and suite draw one
// response (runner/response_groups.h).
class GroupTest : public testing::Test {
 public:
  GroupTest(std::vector<const Case*> cases, const Target& t, const RunSettings& s)
      : cases_(std::move(cases)), target_(t), settings_(s) {}

  void TestBody() override {
    std::vector<CaseResult> results;
    for (const Case* c : cases_) results.push_back(run_case(*c, target_, settings_));
    check_response_groups(results);
    for (const auto& r : results) {
      EXPECT_EQ(r.reason.find("the response differs"), std::string::npos) << r.id << ": " << r.reason;
    }
  }

 private:
  std::vector<const Case*> cases_;
  const Target& target_;
  const RunSettings& settings_;
};

std::string test_name(const std::string& id) {
  std::string out;
  for (const char c : id) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

}  // namespace
}  // namespace gauntlet::conformance

int main(int argc, char** argv) {
  using namespace gauntlet::conformance;
  testing::InitGoogleTest(&argc, argv);
  static auto scenarios = load_scenario_directory("conformance/scenarios");
  if (!scenarios) {
    std::fprintf(stderr, "%s\n", scenarios.error().reason.c_str());
    return 1;
  }
  static const std::vector<Case> cases = expand(*scenarios);
  static const RunSettings settings;
  static const SelfTarget self{Pki{}};
  static const OpenSslTarget openssl{Pki{}};
  static std::map<std::string, KnownFailures> known;
  for (const Target* t : std::initializer_list<const Target*>{&self, &openssl}) {
    const std::string file = "conformance/expectations/" + t->name() + ".yaml";
    if (std::filesystem::exists(file)) {
      auto k = load_known_failures(file);
      if (!k) {
        std::fprintf(stderr, "%s\n", k.error().reason.c_str());
        return 1;
      }
      known[t->name()] = std::move(k).value();
    }
    const KnownFailures* k = known.contains(t->name()) ? &known[t->name()] : nullptr;
    std::map<std::string, std::vector<const Case*>> groups;
    for (const Case& c : cases) {
      if (!c.scenario->same_response.empty()) {
        groups[c.scenario->same_response + "[" + openssl_name(c.version) + "," +
               c.cipher_name() + "]"]
            .push_back(&c);
      }
      testing::RegisterTest(("Conformance_" + t->name()).c_str(), test_name(c.id()).c_str(), nullptr,
                            c.id().c_str(), __FILE__, __LINE__,
                            [&c, t, k]() -> testing::Test* { return new CaseTest(c, *t, k, settings); });
    }
    for (const auto& [group, members] : groups) {
      testing::RegisterTest(("SameResponse_" + t->name()).c_str(), test_name(group).c_str(), nullptr,
                            group.c_str(), __FILE__, __LINE__, [members, t]() -> testing::Test* {
                              return new GroupTest(members, *t, settings);
                            });
    }
  }
  return RUN_ALL_TESTS();
}
