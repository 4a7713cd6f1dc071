#include "engine/record/record_header.h"

#include <gtest/gtest.h>

namespace gauntlet {
namespace {

TEST(RecordHeader, RoundTrip) {
  const Bytes wire = write_record(ContentType::handshake, ProtocolVersion::tls12, Bytes{1, 2, 3});
  EXPECT_EQ(wire, (Bytes{22, 3, 3, 0, 3, 1, 2, 3}));
  Reader in(wire);
  auto r = read_record(in);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->type, ContentType::handshake);
  EXPECT_EQ((*r)->version, ProtocolVersion::tls12);
  EXPECT_EQ((*r)->fragment, (Bytes{1, 2, 3}));
  EXPECT_TRUE(in.empty());
}

TEST(RecordHeader, ViewPointsIntoItsInput) {
  const Bytes wire = {23, 3, 1, 0, 2, 7, 8, 21, 3, 1, 0, 0};
  Reader in(wire);
  auto first = read_record_view(in);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->fragment.data(), wire.data() + kRecordHeaderSize);
  EXPECT_EQ((*first)->fragment.size(), 2u);
  auto second = read_record_view(in);
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->type, ContentType::alert);
  EXPECT_TRUE((*second)->fragment.empty());
  EXPECT_TRUE(in.empty());
  const RecordHeader header = write_record_header(ContentType::alert, ProtocolVersion::tls10, 0);
  EXPECT_TRUE(std::ranges::equal(header, ByteView(wire).subspan(7)));
}

TEST(RecordHeader, NeedsMoreBytesWithoutConsuming) {
  const Bytes wire = write_record(ContentType::alert, ProtocolVersion::tls10, Bytes{2, 40});
  for (size_t cut = 0; cut < wire.size(); ++cut) {
    Reader in(ByteView(wire).first(cut));
    auto r = read_record(in);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->has_value());
    EXPECT_EQ(in.remaining(), cut);
  }
}

TEST(RecordHeader, UnknownTypeIsUnexpectedMessage) {
  const Bytes wire = {99, 3, 3, 0, 0};
  Reader in(wire);
  EXPECT_EQ(read_record(in).error().alert, AlertDescription::unexpected_message);
}

TEST(RecordHeader, OversizedIsRecordOverflow) {
  const Bytes over = {23, 3, 3, 0x48, 0x01};  // 2^14 + 2048 + 1
  Reader in(over);
  EXPECT_EQ(read_record(in).error().alert, AlertDescription::record_overflow);
  const Bytes max = {23, 3, 3, 0x48, 0x00};
  Reader in2(max);
  auto r = read_record(in2);
  ASSERT_TRUE(r.ok()) << "exactly 2^14+2048 is allowed";
  EXPECT_FALSE(r->has_value());
  Reader in3(max);
  EXPECT_EQ(read_record(in3, kMaxPlaintext).error().alert, AlertDescription::record_overflow);
}

TEST(RecordHeader, OddVersionIsKept) {
  const Bytes wire = {22, 0x7f, 0x12, 0, 1, 9};
  Reader in(wire);
  auto r = read_record(in);
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_EQ(static_cast<uint16_t>((*r)->version), 0x7f12);
}

TEST(Ssl2Header, TwoAndThreeByteForms) {
  auto two = read_ssl2_header(Bytes{0x80, 0x2e, 0x01});
  ASSERT_TRUE(two.ok() && two->has_value());
  EXPECT_EQ(**two, (Ssl2RecordHeader{2, 0x2e, 0}));
  auto three = read_ssl2_header(Bytes{0x00, 0x20, 0x05});
  ASSERT_TRUE(three.ok() && three->has_value());
  EXPECT_EQ(**three, (Ssl2RecordHeader{3, 0x20, 5}));
  EXPECT_EQ(*write_ssl2_header(0x2e, 0), (Bytes{0x80, 0x2e}));
  EXPECT_EQ(*write_ssl2_header(0x20, 5), (Bytes{0x00, 0x20, 0x05}));
  EXPECT_EQ(*write_ssl2_header(0x20, 0, Ssl2HeaderForm::three_byte), (Bytes{0x00, 0x20, 0x00}));
}

// The second bit of a 3-byte header is IS-ESCAPE, not length (SSL 2.0 spec
// §1.1); in a 2-byte header it is the length's top bit.
TEST(Ssl2Header, EscapeBit) {
  auto escape = read_ssl2_header(Bytes{0x40, 0x20, 0x00});
  ASSERT_TRUE(escape.ok() && escape->has_value());
  EXPECT_EQ(**escape, (Ssl2RecordHeader{3, 0x20, 0, true}));
  auto two = read_ssl2_header(Bytes{0xc0, 0x20});
  ASSERT_TRUE(two.ok() && two->has_value());
  EXPECT_EQ(**two, (Ssl2RecordHeader{2, 0x4020, 0, false}));
  EXPECT_FALSE(write_ssl2_header(0x4000, 0, Ssl2HeaderForm::three_byte).ok());
  EXPECT_TRUE(write_ssl2_header(0x7fff, 0).ok());
}

TEST(Ssl2Header, ShortAndBadPadding) {
  auto short1 = read_ssl2_header(Bytes{0x80});
  ASSERT_TRUE(short1.ok());
  EXPECT_FALSE(short1->has_value());
  auto short2 = read_ssl2_header(Bytes{0x00, 0x20});
  ASSERT_TRUE(short2.ok());
  EXPECT_FALSE(short2->has_value());
  EXPECT_EQ(read_ssl2_header(Bytes{0x00, 0x02, 0x03}).error().alert,
            AlertDescription::decode_error);
  EXPECT_FALSE(write_ssl2_header(0x8000, 0).ok());
}

TEST(Ssl2Header, DetectsSsl2ClientHello) {
  EXPECT_TRUE(looks_like_ssl2_client_hello(Bytes{0x80, 0x2e, 0x01, 0x03, 0x01}));
  EXPECT_FALSE(looks_like_ssl2_client_hello(Bytes{0x16, 0x03, 0x01, 0x00, 0x2e}));
  EXPECT_FALSE(looks_like_ssl2_client_hello(Bytes{0x80, 0x2e}));
}

}  // namespace
}  // namespace gauntlet
