#include <gtest/gtest.h>

#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {
namespace {

TEST(Reader, ReadsIntegersBigEndian) {
  const Bytes in = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
  Reader r(in);
  uint8_t a;
  uint16_t b;
  uint32_t c, d;
  uint64_t e;
  ASSERT_TRUE(r.u8(a) && r.u16(b) && r.u24(c) && r.u32(d) && r.u64(e));
  EXPECT_EQ(a, 0x01);
  EXPECT_EQ(b, 0x0203);
  EXPECT_EQ(c, 0x040506u);
  EXPECT_EQ(d, 0x0708090au);
  EXPECT_EQ(e, 0x0b0c0d0e0f101112u);
  EXPECT_TRUE(r.empty());
}

TEST(Reader, ShortReadFailsAndDoesNotAdvance) {
  const Bytes in = {1, 2};
  Reader r(in);
  uint32_t v;
  EXPECT_FALSE(r.u24(v));
  EXPECT_FALSE(r.u32(v));
  EXPECT_EQ(r.remaining(), 2u);
  ByteView out;
  EXPECT_FALSE(r.bytes(3, out));
  EXPECT_FALSE(r.skip(3));
  EXPECT_EQ(r.remaining(), 2u);
  uint8_t p;
  ASSERT_TRUE(r.peek_u8(p));
  EXPECT_EQ(p, 1);
  EXPECT_EQ(r.remaining(), 2u);
}

TEST(Reader, EmptyInput) {
  Reader r;
  uint8_t v;
  EXPECT_FALSE(r.u8(v));
  EXPECT_FALSE(r.peek_u8(v));
  ByteView out;
  EXPECT_TRUE(r.bytes(0, out));
  EXPECT_TRUE(out.empty());
}

TEST(Reader, PrefixedVectors) {
  const Bytes in = {2, 0xaa, 0xbb, 0, 1, 0xcc, 0, 0, 2, 0xdd, 0xee, 0xff};
  Reader r(in);
  Reader a, b, c;
  ASSERT_TRUE(r.prefixed8(a));
  ASSERT_TRUE(r.prefixed16(b));
  ASSERT_TRUE(r.prefixed24(c));
  EXPECT_EQ(a.remaining(), 2u);
  EXPECT_EQ(b.remaining(), 1u);
  EXPECT_EQ(c.remaining(), 2u);
  EXPECT_EQ(r.remaining(), 1u);
  uint8_t v;
  ASSERT_TRUE(b.u8(v));
  EXPECT_EQ(v, 0xcc);
  EXPECT_FALSE(b.u8(v));  // a child cannot read past its own body
}

TEST(Reader, PrefixLongerThanInputFailsWithoutAdvancing) {
  const Bytes in = {0, 5, 1, 2, 3};
  Reader r(in);
  Reader body;
  EXPECT_FALSE(r.prefixed16(body));
  EXPECT_EQ(r.remaining(), 5u);
  Bytes copy;
  EXPECT_FALSE(r.vec16(copy));
  EXPECT_TRUE(r.vec8(copy));  // reads length 0
  EXPECT_TRUE(copy.empty());
}

TEST(Reader, VecCopies) {
  const Bytes in = {3, 7, 8, 9, 0, 0, 1, 4};
  Reader r(in);
  Bytes a, b;
  ASSERT_TRUE(r.vec8(a));
  ASSERT_TRUE(r.vec24(b));
  EXPECT_EQ(a, (Bytes{7, 8, 9}));
  EXPECT_EQ(b, (Bytes{4}));
}

TEST(Writer, WritesIntegersAndBytes) {
  Writer w;
  w.u8(1);
  w.u16(0x0203);
  w.u24(0x040506);
  w.u32(0x0708090a);
  w.u64(0x0b0c0d0e0f101112);
  const Bytes tail = {0xfe};
  w.bytes(tail);
  EXPECT_TRUE(w.ok());
  EXPECT_EQ(w.take(), (Bytes{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 0xfe}));
}

TEST(Writer, NestedLengthsAreFilledOnClose) {
  Writer w;
  {
    Writer outer = w.prefixed16();
    outer.u8(0xaa);
    {
      Writer inner = outer.prefixed8();
      inner.u16(0xbbcc);
    }
    Writer third = outer.prefixed24();
    third.u8(1);
    third.close();
    EXPECT_EQ(outer.size(), 1u + 3u + 4u);
  }
  EXPECT_TRUE(w.ok());
  EXPECT_EQ(w.data(), (Bytes{0, 8, 0xaa, 2, 0xbb, 0xcc, 0, 0, 1, 1}));
}

TEST(Writer, EmptyVectors) {
  Writer w;
  w.vec8({});
  w.vec16({});
  w.vec24({});
  EXPECT_EQ(w.data(), (Bytes{0, 0, 0, 0, 0, 0}));
}

TEST(Writer, OverflowingPrefixFails) {
  Writer w;
  const Bytes big(256, 0);
  w.vec8(big);
  EXPECT_FALSE(w.ok());
  Writer w2;
  w2.u24(1u << 24);
  EXPECT_FALSE(w2.ok());
  Writer w3;
  {
    Writer child = w3.prefixed8();
    Writer grandchild = child.prefixed16();
    grandchild.bytes(big);
  }
  EXPECT_FALSE(w3.ok()) << "a child's overflow fails the whole writer";
}

TEST(Codec, RoundTrip) {
  Writer w;
  w.u16(0x0303);
  w.vec16(Bytes{1, 2, 3});
  const Bytes out = w.take();
  Reader r(out);
  uint16_t v;
  Bytes body;
  ASSERT_TRUE(r.u16(v) && r.vec16(body));
  EXPECT_EQ(v, 0x0303);
  EXPECT_EQ(body, (Bytes{1, 2, 3}));
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace gauntlet
