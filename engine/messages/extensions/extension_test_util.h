// Round-trip and rejection checks for one extension body type.
#pragma once

#include <gtest/gtest.h>

#include "engine/base/writer.h"
#include "engine/crypto/test_hex.h"

namespace gauntlet {

template <typename T>
T expect_body_round_trip(const Bytes& body) {
  auto parsed = T::parse(body);
  EXPECT_TRUE(parsed.ok()) << parsed.error().to_string();
  if (!parsed) return {};
  Writer w;
  parsed->serialize(w);
  EXPECT_EQ(w.data(), body);
  return *parsed;
}

template <typename T>
void expect_body_rejected(const Bytes& body, AlertDescription alert) {
  auto parsed = T::parse(body);
  ASSERT_FALSE(parsed.ok()) << "accepted " << body.size() << " bytes";
  EXPECT_EQ(parsed.error().alert, alert) << parsed.error().reason;
}

// Every strict prefix of a valid body, and the body with a byte appended.
template <typename T>
void expect_truncation_and_trailing_rejected(const Bytes& body) {
  for (size_t cut = 0; cut < body.size(); ++cut) {
    auto parsed = T::parse(ByteView(body).first(cut));
    EXPECT_FALSE(parsed.ok()) << "prefix of " << cut << " bytes accepted";
  }
  Bytes longer = body;
  longer.push_back(0);
  expect_body_rejected<T>(longer, AlertDescription::decode_error);
}

}  // namespace gauntlet
