// TLS 1.3 records in the clear (fuzzer mode): the TLSInnerPlaintext of
// RFC 8446 §5.2 under an application_data header, read with the §5.4 rules.
#include "engine/record/protection_tls13_null.h"

#include <gtest/gtest.h>

#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

TEST(Tls13NullProtection, SealsTheInnerPlaintextInTheClear) {
  Tls13NullProtection p;
  EXPECT_EQ(p.outer_type(ContentType::handshake), ContentType::application_data);
  auto sealed = p.seal(ContentType::handshake, ProtocolVersion::tls12, Bytes{1, 2});
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*sealed, (Bytes{1, 2, 22}));
  EXPECT_EQ(p.next_sequence(), 1u);
}

TEST(Tls13NullProtection, PadsAsAsked) {
  Tls13NullProtection p;
  p.set_padding(Tls13Padding::to_block(8));
  auto sealed = p.seal(ContentType::alert, ProtocolVersion::tls12, Bytes{2, 40});
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*sealed, (Bytes{2, 40, 21, 0, 0, 0, 0, 0}));
}

TEST(Tls13NullProtection, OpensTheInnerTypeAfterItsPadding) {
  Tls13NullProtection p;
  auto opened = p.open(ContentType::application_data, ProtocolVersion::tls12, Bytes{7, 22, 0, 0});
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->type, ContentType::handshake);
  EXPECT_EQ(opened->plaintext, Bytes{7});
}

TEST(Tls13NullProtection, RefusesWhatKeysWouldRefuse) {
  Tls13NullProtection p;
  auto outer = p.open(ContentType::handshake, ProtocolVersion::tls12, Bytes{7, 22});
  ASSERT_FALSE(outer.ok());
  EXPECT_EQ(outer.error().alert, AlertDescription::unexpected_message);
  auto no_type = p.open(ContentType::application_data, ProtocolVersion::tls12, Bytes(5, 0));
  ASSERT_FALSE(no_type.ok());
  EXPECT_EQ(no_type.error().alert, AlertDescription::unexpected_message);
  auto unknown = p.open(ContentType::application_data, ProtocolVersion::tls12, Bytes{1, 99});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().alert, AlertDescription::unexpected_message);
  Bytes big(kMaxPlaintext + 1, 1);
  big.push_back(23);
  auto over = p.open(ContentType::application_data, ProtocolVersion::tls12, big);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().alert, AlertDescription::record_overflow);
  EXPECT_FALSE(p.seal_shaped(ContentType::handshake, ProtocolVersion::tls12, Bytes{1},
                             SealShape{.flip_mac = true})
                   .ok());
}

// As under keys (RFC 8446 §5.4): any run of zero padding, any type byte; a
// record form's fields TLS 1.3 lacks are refused.
TEST(Tls13NullProtection, ShapesAsKeysWould) {
  Tls13NullProtection p;
  p.set_padding(Tls13Padding::maximal());
  auto padded = p.seal_shaped(ContentType::handshake, ProtocolVersion::tls12, Bytes{1},
                              SealShape{.padding = 3});
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(*padded, (Bytes{1, 22, 0, 0, 0}));
  auto no_type = p.seal_shaped(static_cast<ContentType>(0), ProtocolVersion::tls12, Bytes{1},
                               SealShape{.padding = 0});
  ASSERT_TRUE(no_type.ok());
  EXPECT_EQ(*no_type, (Bytes{1, 0}));
  EXPECT_EQ(p.next_sequence(), 2u);
  auto cbc = p.seal_shaped(ContentType::handshake, ProtocolVersion::tls12, Bytes{1},
                           SealShape{.padding_fill = 7});
  ASSERT_FALSE(cbc.ok());
  EXPECT_EQ(cbc.error().alert, AlertDescription::internal_error);
}

}  // namespace
}  // namespace gauntlet
