// The Config of our scripted peer for one case: the case's version and suite,
// the scenario's peer settings and protocol bugs, keys from the test PKI.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "conformance/scenario/expand.h"
#include "conformance/sut/peer_facts.h"
#include "conformance/sut/pki.h"
#include "engine/connection/config.h"

namespace gauntlet::conformance {

Result<std::shared_ptr<Config>> scripted_config(const Case& c, const Pki& pki,
                                                const PeerFacts& facts,
                                                std::function<void(std::string_view)> keylog);

}  // namespace gauntlet::conformance
