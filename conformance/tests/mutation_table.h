// The rows of docs/CONFORMANCE.md's mutation table: our engine as the SUT
// with one `Bugs` knob on — a deviation it sends, or a check it skips —
// and the cases the table names as catching it. mutation_test checks the
// named cases; mutation_matrix_test runs the whole matrix per knob.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "conformance/scenario/expand.h"
#include "engine/connection/bugs.h"

namespace gauntlet::conformance {

struct Mutation {
  std::string knob;  // the Bugs field, as bugs_keys() or bugs.h names it
  Role sut;
  std::function<void(Bugs&)> set;
};

// One row per knob and the SUT role it deviates in.
const std::vector<Mutation>& mutations();
// Knobs kept out of the table; docs/CONFORMANCE.md says why.
const std::set<std::string>& knobs_apart();

std::string role_name(Role r);

// docs/CONFORMANCE.md's rows: {knob, "server" or "client"} → case ids.
using DocumentedRows = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;
DocumentedRows documented_mutations();

// Every case of conformance/scenarios.
const std::vector<Case>& all_cases();
const Case* find_case(const std::string& id);
// The role our engine plays as the SUT in a case: the one not scripted.
Role sut_role(const Case& c);

}  // namespace gauntlet::conformance
