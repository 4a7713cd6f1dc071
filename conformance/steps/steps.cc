// The step kinds as one table, built from StepKind: reading a step picks
// its kind by name; describing and running one go to the kind's own code.
#include "conformance/steps/steps.h"

#include <array>

#include "conformance/steps/step_context.h"

namespace gauntlet::conformance {

namespace {

struct KindRow {
  std::string_view name;
  StepKind (*parse)(const YamlReader& r, const YAML::Node& body);
};

template <typename... Kinds>
constexpr auto rows(std::type_identity<std::variant<Kinds...>>) {
  return std::array<KindRow, sizeof...(Kinds)>{
      KindRow{Kinds::kName, [](const YamlReader& r, const YAML::Node& body) -> StepKind {
                return Kinds::parse(r, body);
              }}...};
}

constexpr auto kKinds = rows(std::type_identity<StepKind>{});

}  // namespace

Step read_step(const YamlReader& r, const YAML::Node& n) {
  if (!n.IsMap() || n.size() != 1) r.fail(n, "a step is a mapping with one key, the step's kind");
  const auto kv = *n.begin();
  const std::string name = kv.first.as<std::string>();
  for (const KindRow& k : kKinds) {
    if (k.name == name) return {r.where(n), k.parse(r, kv.second)};
  }
  std::string known;
  for (const KindRow& k : kKinds) known += (known.empty() ? "" : ", ") + std::string(k.name);
  r.fail(n, "unknown step '" + name + "' (" + known + ")");
}

std::string describe(const Step& s) {
  return std::visit([](const auto& k) { return k.describe(); }, s.kind);
}

Judgement run_step(const Step& s, StepContext& ctx) {
  return std::visit([&ctx](const auto& k) { return k.run(ctx); }, s.kind);
}

}  // namespace gauntlet::conformance
