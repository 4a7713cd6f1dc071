#include "engine/connection/config_names.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

// Every enumerator, written out: a value added to an enum without a row
// fails here (its name would print as unknown(0x…)).
template <typename E>
void expect_round_trip(std::initializer_list<E> all, Result<E> (*from_name)(std::string_view)) {
  for (const E v : all) {
    const std::string name = name_of(v);
    EXPECT_EQ(name.find("unknown"), std::string::npos) << name;
    const auto back = from_name(name);
    ASSERT_TRUE(back.ok()) << name;
    EXPECT_EQ(*back, v) << name;
  }
}

TEST(ConfigNames, ClientAuthRoundTrips) {
  expect_round_trip({ClientAuth::none, ClientAuth::optional, ClientAuth::required},
                    &client_auth_from_name);
  EXPECT_EQ(name_of(ClientAuth::optional), "optional");
}

TEST(ConfigNames, RenegotiationPolicyRoundTrips) {
  using R = RenegotiationPolicy;
  expect_round_trip({R::refuse, R::secure, R::allow_insecure}, &renegotiation_policy_from_name);
  EXPECT_EQ(name_of(R::allow_insecure), "allow_insecure");
}

TEST(ConfigNames, TamperActionRoundTrips) {
  using T = TamperAction;
  expect_round_trip({T::flip_last_byte, T::flip_first_byte, T::flip_padding, T::truncate,
                     T::extend, T::oversize, T::change_type, T::change_version},
                    &tamper_action_from_name);
  EXPECT_EQ(name_of(T::flip_padding), "flip_padding");
}

TEST(ConfigNames, BadPremasterRoundTrips) {
  using B = BadPremaster;
  expect_round_trip({B::wrong_first_byte, B::wrong_block_type, B::no_separator,
                     B::zero_in_padding, B::wrong_length, B::zero_ciphertext, B::short_ciphertext},
                    &bad_premaster_from_name);
  EXPECT_EQ(name_of(B::zero_in_padding), "zero_in_padding");
}

TEST(ConfigNames, UnknownNameIsAnErrorListingTheKnownOnes) {
  const auto auth = client_auth_from_name("sometimes");
  ASSERT_FALSE(auth.ok());
  EXPECT_EQ(auth.error().alert, AlertDescription::decode_error);
  EXPECT_EQ(auth.error().reason,
            "unknown client authentication 'sometimes' (none, optional, required)");
  EXPECT_FALSE(renegotiation_policy_from_name("Secure").ok()) << "names are exact";
  EXPECT_FALSE(tamper_action_from_name("").ok());
  const auto kind = bad_premaster_from_name("wrong");
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().reason,
            "unknown bad_premaster kind 'wrong' (wrong_first_byte, wrong_block_type, "
            "no_separator, zero_in_padding, wrong_length, zero_ciphertext, short_ciphertext)");
}

}  // namespace
}  // namespace gauntlet
