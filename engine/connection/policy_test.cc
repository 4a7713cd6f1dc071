#include "engine/connection/policy.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

// RFC 5746 §4.2 (client) and §4.4 (server): without the extension on the
// current connection, renegotiation is only for a peer that allows the
// insecure kind; refuse refuses even a secure one.
TEST(Policy, RenegotiationAllowed) {
  using R = RenegotiationPolicy;
  EXPECT_FALSE(renegotiation_allowed(R::refuse, true));
  EXPECT_FALSE(renegotiation_allowed(R::refuse, false));
  EXPECT_TRUE(renegotiation_allowed(R::secure, true));
  EXPECT_FALSE(renegotiation_allowed(R::secure, false));
  EXPECT_TRUE(renegotiation_allowed(R::allow_insecure, true));
  EXPECT_TRUE(renegotiation_allowed(R::allow_insecure, false));
}

}  // namespace
}  // namespace gauntlet
