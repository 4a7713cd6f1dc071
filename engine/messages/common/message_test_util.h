// Checks every message test makes: parse → serialize gives the same bytes,
// and every strict prefix of a valid body is refused (never a crash).
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

template <typename Parse>
void expect_round_trip(const Bytes& body, Parse parse) {
  auto parsed = parse(ByteView(body));
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  Bytes again;
  if constexpr (std::is_same_v<decltype(parsed->serialize()), Bytes>) {
    again = parsed->serialize();
  } else {
    auto s = parsed->serialize();
    ASSERT_TRUE(s.ok());
    again = *s;
  }
  EXPECT_EQ(again, body);
  auto reparsed = parse(ByteView(again));
  ASSERT_TRUE(reparsed.ok());
  EXPECT_TRUE(*reparsed == *parsed);
}

// valid_prefix: a cut that is itself a whole message (a hello that ends
// before its optional extensions block).
template <typename Parse>
void expect_prefixes_rejected(const Bytes& body, Parse parse,
                              std::optional<size_t> valid_prefix = std::nullopt) {
  for (size_t cut = 0; cut < body.size(); ++cut) {
    auto parsed = parse(ByteView(body).first(cut));
    if (cut == valid_prefix) {
      EXPECT_TRUE(parsed.ok()) << cut;
      continue;
    }
    ASSERT_FALSE(parsed.ok()) << "prefix of " << cut << " bytes accepted";
    EXPECT_EQ(parsed.error().alert, AlertDescription::decode_error) << cut;
  }
}

template <typename Parse>
void expect_trailing_rejected(Bytes body, Parse parse) {
  body.push_back(0);
  auto parsed = parse(ByteView(body));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().alert, AlertDescription::decode_error);
}

template <typename Parse>
void expect_rejected(const Bytes& body, Parse parse, AlertDescription alert) {
  auto parsed = parse(ByteView(body));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().alert, alert) << parsed.error().reason;
}

}  // namespace gauntlet
