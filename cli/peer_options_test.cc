// printable(): what a peer sent reaches a log line or a page as one line of
// printable ASCII, and summary()/details() pass peer strings through it;
// the SSL 2.0 options and facts; --psk-modes and a TLS 1.3 resumption's
// facts.
#include "cli/peer_options.h"

#include <gtest/gtest.h>

namespace gauntlet::cli {
namespace {

TEST(Printable, EscapesControlAndNonAsciiBytes) {
  EXPECT_EQ(printable("example.com"), "example.com");
  EXPECT_EQ(printable(std::string("a\nb\x1b[31m\0\x07\xc3\xa9", 12)),
            "a\\x0ab\\x1b[31m\\x00\\x07\\xc3\\xa9");
  const std::string once = printable("x\r\ny");
  EXPECT_EQ(printable(once), once);
}

TEST(Printable, SummaryAndDetailsEscapeWhatThePeerSent) {
  Negotiated n;
  n.server_name = "evil\n\x1b]0;title\x07";
  n.alpn = "h2\r\n";
  for (const std::string& out : {summary(n), details(n)}) {
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(out.find('\x07'), std::string::npos) << out;
    EXPECT_EQ(out.find('\r'), std::string::npos) << out;
    EXPECT_NE(out.find("evil\\x0a\\x1b]0;title\\x07"), std::string::npos) << out;
  }
  EXPECT_EQ(summary(n).find('\n'), std::string::npos);
}

TEST(Ssl2Options, VersionsReachDownToSsl2) {
  auto range = parse_versions("ssl2:tls1.2");
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->first, ProtocolVersion::ssl2);
  EXPECT_EQ(range->second, ProtocolVersion::tls12);
  EXPECT_FALSE(parse_versions("ssl1").ok());
}

TEST(Ssl2Options, KindsByEitherName) {
  Config c;
  ASSERT_TRUE(set_ssl2_kinds(c, "EXP-RC4-MD5,SSL_CK_DES_192_EDE3_CBC_WITH_MD5").ok());
  EXPECT_EQ(c.ssl2_cipher_kinds, (std::vector<Ssl2CipherKind>{
                                     Ssl2CipherKind::rc4_128_export40_with_md5,
                                     Ssl2CipherKind::des_192_ede3_cbc_with_md5}));
  EXPECT_FALSE(set_ssl2_kinds(c, "RC4-SHA").ok());
  ASSERT_TRUE(set_ssl2_kinds(c, "").ok());  // keeps what was set
  EXPECT_EQ(c.ssl2_cipher_kinds.size(), 2u);
}

TEST(Ssl2Options, SummaryAndDetailsNameTheKindAndConnectionId) {
  Negotiated n;
  n.version = ProtocolVersion::ssl2;
  n.ssl2_cipher_kind = Ssl2CipherKind::rc4_128_export40_with_md5;
  n.ssl2_connection_id = Bytes{0xab, 0x01};
  n.resumed = true;
  EXPECT_EQ(summary(n), "SSLv2 EXP-RC4-MD5 connection-id=ab01 resumed=yes");
  const std::string d = details(n);
  EXPECT_NE(d.find("cipher kind:    SSL_CK_RC4_128_EXPORT40_WITH_MD5 (EXP-RC4-MD5)"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("session reused: yes"), std::string::npos) << d;
}

// --psk-modes: one mode, or both with psk_dhe_ke first (RFC 8446 §4.2.9).
TEST(PeerOptions, PskModes) {
  using M = PskKeyExchangeMode;
  EXPECT_EQ(*parse_psk_modes("psk_ke"), std::vector{M::psk_ke});
  EXPECT_EQ(*parse_psk_modes("psk_dhe_ke"), std::vector{M::psk_dhe_ke});
  EXPECT_EQ(*parse_psk_modes("both"), (std::vector{M::psk_dhe_ke, M::psk_ke}));
  EXPECT_FALSE(parse_psk_modes("dhe").ok());
  Config c;
  TlsOptions o("tls1.3");
  o.psk_modes = "both";
  ASSERT_TRUE(apply_tls_options(c, o).ok());
  EXPECT_EQ(c.psk_modes, (std::vector{M::psk_dhe_ke, M::psk_ke}));
}

// A TLS 1.3 resumption says its PSK mode and whether 0-RTT data was taken.
TEST(PeerOptions, Tls13ResumptionFacts) {
  Negotiated n;
  n.version = ProtocolVersion::tls13;
  n.resumed = true;
  n.psk_mode = PskKeyExchangeMode::psk_ke;
  n.early_data_accepted = true;
  EXPECT_NE(summary(n).find("psk=psk_ke early_data=accepted"), std::string::npos) << summary(n);
  EXPECT_NE(details(n).find("PSK mode:       psk_ke\n"), std::string::npos) << details(n);
  EXPECT_NE(details(n).find("early data:     accepted\n"), std::string::npos) << details(n);
}

}  // namespace
}  // namespace gauntlet::cli
