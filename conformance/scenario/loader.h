// Reads scenario family files (YAML, through yaml-cpp). Every mistake in a
// file is an Error whose reason starts with "file:line:"; unknown keys are
// mistakes too, so a misspelt field never silently does nothing.
#pragma once

#include <string>
#include <vector>

#include "conformance/scenario/scenario.h"
#include "engine/base/error.h"

namespace gauntlet::conformance {

// One family file: its scenarios, suite selectors resolved.
Result<std::vector<Scenario>> load_family_file(const std::string& path);
// The same from text already in memory; `name` stands for the file in errors.
Result<std::vector<Scenario>> load_family_text(const std::string& text, const std::string& name);
// Every *.yaml under `dir`, in name order; a scenario id used twice is an error.
Result<std::vector<Scenario>> load_scenario_directory(const std::string& dir);

}  // namespace gauntlet::conformance
