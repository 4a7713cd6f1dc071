// PSK binders against RFC 8448 §4: the binder of the resumed ClientHello,
// over its bytes truncated before the binders list.
#include "engine/key_schedule/psk_binder.h"

#include <gtest/gtest.h>

#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/key_schedule/tls13_key_schedule.h"

namespace gauntlet {
namespace {

const Bytes& v(const std::string& name) { return rfc8448::value(name); }

TEST(PskBinder, TruncatesBeforeTheBindersList) {
  const Bytes& hello = v("resumed.client_hello");
  auto prefix = binder_prefix_length(hello);
  ASSERT_TRUE(prefix.ok()) << prefix.error().to_string();
  // One SHA-256 binder: a 2-byte list length, a 1-byte length, 32 bytes.
  EXPECT_EQ(*prefix, hello.size() - 35);
  EXPECT_EQ(hash(HashAlgorithm::sha256, ByteView(hello).first(*prefix)), v("resumed.binder_hash"));
}

TEST(PskBinder, Rfc8448ResumedBinder) {
  auto binder =
      psk_binder(HashAlgorithm::sha256, v("resumed.binder_key"), {}, v("resumed.client_hello"));
  ASSERT_TRUE(binder.ok()) << binder.error().to_string();
  EXPECT_EQ(*binder, v("resumed.binder"));
}

// Earlier messages (after a HelloRetryRequest) are part of what it covers.
TEST(PskBinder, CoversEarlierMessages) {
  auto plain =
      psk_binder(HashAlgorithm::sha256, v("resumed.binder_key"), {}, v("resumed.client_hello"));
  auto after_hrr = psk_binder(HashAlgorithm::sha256, v("resumed.binder_key"),
                              v("simple.server_hello"), v("resumed.client_hello"));
  ASSERT_TRUE(plain.ok() && after_hrr.ok());
  EXPECT_NE(*plain, *after_hrr);
}

// The same hello with an empty server_name after pre_shared_key.
Bytes with_trailing_extension(const Bytes& hello) {
  Reader in(ByteView(hello).subspan(4));
  uint16_t version = 0;
  ByteView random;
  Reader session_id, suites, compression;
  EXPECT_TRUE(in.u16(version) && in.bytes(32, random) && in.prefixed8(session_id) &&
              in.prefixed16(suites) && in.prefixed8(compression));
  const size_t extensions_at = hello.size() - in.remaining();
  Bytes out = hello;
  out.insert(out.end(), {0x00, 0x00, 0x00, 0x00});
  auto add_four = [&](size_t at, size_t width) {
    uint32_t n = 0;
    for (size_t i = 0; i < width; ++i) n = n << 8 | out[at + i];
    n += 4;
    for (size_t i = width; i > 0; --i, n >>= 8) out[at + i - 1] = static_cast<uint8_t>(n);
  };
  add_four(1, 3);
  add_four(extensions_at, 2);
  return out;
}

TEST(PskBinder, PreSharedKeyMustBeLast) {
  auto prefix = binder_prefix_length(with_trailing_extension(v("resumed.client_hello")));
  ASSERT_FALSE(prefix.ok());
  EXPECT_EQ(prefix.error().alert, AlertDescription::illegal_parameter);
}

TEST(PskBinder, HelloWithoutPskIsRefused) {
  auto prefix = binder_prefix_length(v("simple.client_hello"));
  ASSERT_FALSE(prefix.ok());
  EXPECT_EQ(prefix.error().alert, AlertDescription::illegal_parameter);
}

TEST(PskBinder, TruncatedHelloIsDecodeError) {
  const Bytes& hello = v("resumed.client_hello");
  for (const size_t cut : {size_t{1}, size_t{35}, hello.size() - 1}) {
    auto prefix = binder_prefix_length(ByteView(hello).first(hello.size() - cut));
    ASSERT_FALSE(prefix.ok()) << cut;
    EXPECT_EQ(prefix.error().alert, AlertDescription::decode_error) << cut;
  }
}

}  // namespace
}  // namespace gauntlet
