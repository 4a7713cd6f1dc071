// Our engine's sides: one Config per side, shared by every connection it makes.
#pragma once

#include <memory>

#include "bench/scenario.h"

namespace gauntlet::bench {

std::unique_ptr<Side> engine_server(const Scenario& s);
std::unique_ptr<Side> engine_client(const Scenario& s);

}  // namespace gauntlet::bench
