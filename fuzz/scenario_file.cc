// The conformance scenario file parser (conformance/scenario/loader.h): any
// text must either load or be an Error naming file:line, never crash or
// throw, and whatever loads must expand into cases and tell the runner what
// each scenario needs of a peer, as the runner asks before a case.
#include <string>

#include "conformance/scenario/expand.h"
#include "conformance/scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet::conformance;
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto scenarios = load_family_text(text, "fuzz.yaml");
  if (!scenarios) return 0;
  for (const Scenario& s : *scenarios) {
    (void)s.requirements();
    (void)s.connections();
  }
  (void)expand(*scenarios);
  return 0;
}
