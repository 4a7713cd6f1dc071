// Cross-checks the group names against the system's libssl.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <openssl/ssl.h>

#include "engine/registry/named_group.h"

namespace gauntlet {
namespace {

using CtxPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using SslPtr = std::unique_ptr<SSL, decltype(&SSL_free)>;

bool openssl_accepts(const std::string& groups) {
  CtxPtr ctx(SSL_CTX_new(TLS_method()), SSL_CTX_free);
  return ctx && SSL_CTX_set1_groups_list(ctx.get(), groups.c_str()) == 1;
}

TEST(NamedGroup, OpenSslAcceptsOurNamesForTheSameGroup) {
  CtxPtr ctx(SSL_CTX_new(TLS_method()), SSL_CTX_free);
  ASSERT_TRUE(ctx);
  SslPtr ssl(SSL_new(ctx.get()), SSL_free);
  ASSERT_TRUE(ssl);
  int checked = 0;
  for (uint32_t wire = 0; wire <= 0xffff; ++wire) {
    const std::optional<NamedGroup> g = known_named_group(static_cast<uint16_t>(wire));
    if (!g) continue;
    const std::string iana = iana_name(*g), ossl = openssl_name(*g);
    // libssl's own name for the TLS group id is the IANA one.
    const char* libssl_name =
        SSL_group_to_name(ssl.get(), static_cast<int>(TLSEXT_nid_unknown | wire));
    if (libssl_name == nullptr) {
      EXPECT_FALSE(openssl_accepts(ossl)) << iana;
      continue;
    }
    ++checked;
    EXPECT_EQ(libssl_name, iana);
    EXPECT_TRUE(openssl_accepts(iana)) << iana;
    EXPECT_TRUE(openssl_accepts(ossl)) << ossl;
    // libssl refuses a list that names one group twice, so an alias that
    // cannot follow the IANA name is the same group.
    if (ossl != iana) {
      EXPECT_FALSE(openssl_accepts(iana + ":" + ossl)) << ossl;
    }
  }
  EXPECT_GE(checked, 35);
  EXPECT_TRUE(openssl_accepts("secp256r1:P-384"));
}

TEST(NamedGroup, Aliases) {
  EXPECT_EQ(openssl_name(NamedGroup::secp384r1), "P-384");
  EXPECT_EQ(openssl_name(NamedGroup::x448), "X448");
  EXPECT_EQ(openssl_name(NamedGroup::ffdhe2048), "ffdhe2048");
  EXPECT_EQ(named_group_from_name("secp521r1"), NamedGroup::secp521r1);
  EXPECT_EQ(named_group_from_name("P-521"), NamedGroup::secp521r1);
  EXPECT_EQ(openssl_name(NamedGroup::arbitrary_explicit_char2_curves),
            "arbitrary_explicit_char2_curves");
  EXPECT_EQ(iana_name(static_cast<NamedGroup>(0x1234)), "unknown(0x1234)");
}

}  // namespace
}  // namespace gauntlet
