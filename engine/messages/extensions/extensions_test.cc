// The extensions block: order, unknown types, duplicates, contexts.
#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {
namespace {

Bytes serialize(const Extensions& e) {
  Writer w;
  e.serialize(w);
  return w.take();
}

TEST(Extensions, KeepsOrderAndUnknownTypesRaw) {
  const Bytes block = hex("0017 0000  fafa 0003 010203  0000 0000");
  auto e = Extensions::parse(block, ExtensionContext::server_hello);
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  ASSERT_EQ(e->list.size(), 3u);
  EXPECT_EQ(e->list[0].type, ExtensionType::extended_master_secret);
  EXPECT_EQ(static_cast<uint16_t>(e->list[1].type), 0xfafa);
  EXPECT_EQ(std::get<RawExtension>(e->list[1].body).body, hex("010203"));
  EXPECT_TRUE(std::holds_alternative<ServerNameAck>(e->list[2].body));
  Bytes expected = hex("000f");
  expected.insert(expected.end(), block.begin(), block.end());
  EXPECT_EQ(serialize(*e), expected);
}

TEST(Extensions, RepeatedTypeIsIllegalParameter) {
  auto e = Extensions::parse(hex("0017 0000 0017 0000"), ExtensionContext::client_hello);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().alert, AlertDescription::illegal_parameter);
  auto raw = Extensions::parse(hex("fafa 0000 fafa 0000"), ExtensionContext::client_hello);
  EXPECT_EQ(raw.error().alert, AlertDescription::illegal_parameter) << "unknown types too";
}

TEST(Extensions, TruncationIsDecodeError) {
  const Bytes block = hex("0017 0000 fafa 0003 010203");
  for (size_t cut = 1; cut < block.size(); ++cut) {
    if (cut == 4) continue;  // one whole extension
    auto e = Extensions::parse(ByteView(block).first(cut), ExtensionContext::client_hello);
    ASSERT_FALSE(e.ok()) << cut;
    EXPECT_EQ(e.error().alert, AlertDescription::decode_error);
  }
}

TEST(Extensions, ABadBodyFailsTheBlock) {
  auto e = Extensions::parse(hex("0017 0001 00"), ExtensionContext::client_hello);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().alert, AlertDescription::decode_error);
}

// RFC 8446 §4.4.2.1: an empty status_request in a CertificateRequest (as
// GnuTLS sends) asks the client for OCSP; a ClientHello's carries a request.
TEST(Extensions, StatusRequestInCertificateRequestIsEmpty) {
  auto cr = Extensions::parse(hex("0005 0000"), ExtensionContext::certificate_request);
  ASSERT_TRUE(cr.ok()) << cr.error().reason;
  EXPECT_NE(cr->get<StatusRequestAck>(), nullptr);
  EXPECT_FALSE(Extensions::parse(hex("0005 0001 01"), ExtensionContext::certificate_request).ok());
  EXPECT_FALSE(Extensions::parse(hex("0005 0000"), ExtensionContext::client_hello).ok());
}

TEST(Extensions, ContextChoosesTheBody) {
  const Bytes versions_ch = hex("002b 0003 02 0304");
  const Bytes versions_sh = hex("002b 0002 0304");
  auto ch = Extensions::parse(versions_ch, ExtensionContext::client_hello);
  auto sh = Extensions::parse(versions_sh, ExtensionContext::server_hello);
  ASSERT_TRUE(ch.ok() && sh.ok());
  EXPECT_NE(ch->get<SupportedVersionsList>(), nullptr);
  EXPECT_NE(sh->get<SelectedVersion>(), nullptr);
  EXPECT_FALSE(Extensions::parse(versions_ch, ExtensionContext::server_hello).ok());
  // A type with no body defined for the message stays raw.
  auto raw = Extensions::parse(hex("000d 0004 0002 0401"), ExtensionContext::server_hello);
  ASSERT_TRUE(raw.ok());
  EXPECT_NE(raw->get<RawExtension>(), nullptr);
}

TEST(Extensions, OptionalBlockAbsentEmptyOrBad) {
  Reader none(ByteView{});
  auto absent = parse_optional_extensions(none, ExtensionContext::client_hello);
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
  const Bytes empty_block = hex("0000");
  Reader empty(empty_block);
  auto present = parse_optional_extensions(empty, ExtensionContext::client_hello);
  ASSERT_TRUE(present.ok());
  ASSERT_TRUE(present->has_value());
  EXPECT_TRUE((*present)->list.empty());
  const Bytes one_byte = hex("00");
  Reader odd(one_byte);
  EXPECT_EQ(parse_optional_extensions(odd, ExtensionContext::client_hello).error().alert,
            AlertDescription::decode_error);
  const Bytes trailing = hex("0000 00");
  Reader tail(trailing);
  EXPECT_EQ(parse_optional_extensions(tail, ExtensionContext::client_hello).error().alert,
            AlertDescription::decode_error);
}

}  // namespace
}  // namespace gauntlet
