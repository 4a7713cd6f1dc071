// The settings header: every TLS 1.3 bit and every bit of the fifth byte is
// named, so each value reads back as written; another format is not read;
// and the configs a header makes carry its options.
#include "fuzz/stateful/settings.h"

#include <gtest/gtest.h>

namespace gauntlet::fuzzing {
namespace {

TEST(Settings, EveryTls13ByteReadsBackAsWritten) {
  for (int bits = 0; bits < 256; ++bits) {
    const Bytes header = {kSettingsFormat, 4, 0, static_cast<uint8_t>(bits), 0};
    Reader r(header);
    const auto s = Settings::parse(r);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->serialize(), header) << bits;
  }
}

TEST(Settings, EveryBitOfTheFifthByteReadsBackAsWritten) {
  for (uint8_t bits = 0; bits < 8; ++bits) {
    const Bytes header = {kSettingsFormat, 4, 0, 0, bits};
    Reader r(header);
    const auto s = Settings::parse(r);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->serialize(), header) << int{bits};
  }
}

TEST(Settings, AnotherFormatIsNotRead) {
  const Bytes header = {kSettingsFormat + 1, 4, 0, 0, 0};
  Reader r(header);
  EXPECT_FALSE(Settings::parse(r));
  // Format 2, four bytes: its inputs were converted, none is read as is.
  const Bytes format2 = {2, 4, 0, 0, 0x16};
  Reader r2(format2);
  EXPECT_FALSE(Settings::parse(r2));
}

TEST(Settings, ConfigsCarryTheFifthBytesOptions) {
  Settings s;
  s.max_version = ProtocolVersion::tls13;
  for (const auto& c : {client_config(s), server_config(s)}) {
    EXPECT_FALSE(c->trust);
    EXPECT_TRUE(c->signature_schemes_cert.empty());
    EXPECT_TRUE(c->fuzzer_mode);
  }
  s.verify_peer = s.signature_algorithms_cert = s.real_keys = true;
  for (const auto& c : {client_config(s), server_config(s)}) {
    EXPECT_TRUE(c->trust);
    EXPECT_FALSE(c->signature_schemes_cert.empty());
    EXPECT_NE(c->signature_schemes_cert, c->signature_schemes);
    EXPECT_FALSE(c->fuzzer_mode);
  }
}

TEST(Settings, ConfigsCarryTheTls13Options) {
  Settings s;
  s.max_version = ProtocolVersion::tls13;
  s.resumption = s.tickets = s.early_data = s.key_update_each_record = true;
  s.padding = RecordPadding::Mode::to_block;
  for (const auto& c : {client_config(s), server_config(s)}) {
    EXPECT_EQ(c->key_update_after, 1u);
    EXPECT_EQ(c->tls13_padding.mode, RecordPadding::Mode::to_block);
    EXPECT_GT(c->tls13_padding.block, 0u);
  }
  EXPECT_GT(server_config(s)->max_early_data, 0u);
  // RFC 8446 §4.2.10: the early data fits the ticket, which names the ALPN
  // protocol both sides prefer.
  const ClientOptions o = client_options(s);
  ASSERT_TRUE(o.session);
  EXPECT_FALSE(o.early_data.empty());
  EXPECT_LE(o.early_data.size(), o.session->max_early_data);
  EXPECT_EQ(o.session->alpn, client_config(s)->alpn.front());

  s.early_data = false;
  EXPECT_EQ(server_config(s)->max_early_data, 0u);
  EXPECT_TRUE(client_options(s).early_data.empty());
  EXPECT_EQ(client_options(s).session->max_early_data, 0u);
}

}  // namespace
}  // namespace gauntlet::fuzzing
