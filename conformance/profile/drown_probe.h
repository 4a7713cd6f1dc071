// DROWN's server-side preconditions beyond SSL 2.0 itself and its export
// kinds (Aviram et al., 2016), learnt with our engine as an SSL 2.0 client
// that deviates on purpose (engine/connection/bugs.h, Ssl2Bugs): does the
// server go on with a CLIENT-MASTER-KEY naming a kind it did not list
// (CVE-2015-3197), and with clear key bytes for a kind that has none
// (CVE-2016-0703)? A strict server answers ERROR NO-CIPHER or closes.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "conformance/profile/server_answer.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet::conformance {

struct DrownFindings {
  // nullopt: not asked, for want of a kind to ask with (every kind our
  // libcrypto has is listed, or none that has no clear bytes is).
  std::optional<bool> accepts_unoffered_kind;
  std::optional<bool> accepts_clear_key_bytes;
  std::string unoffered_detail = {}, clear_key_detail = {};  // what came back
};

// `listed`: the kinds the server's SERVER-HELLO listed.
DrownFindings probe_drown(const Endpoint& server, const std::string& server_name,
                          const std::vector<Ssl2CipherKind>& listed,
                          std::chrono::milliseconds timeout);

}  // namespace gauntlet::conformance
