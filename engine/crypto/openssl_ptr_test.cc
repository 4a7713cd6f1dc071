#include "engine/crypto/openssl_ptr.h"

#include <gtest/gtest.h>
#include <openssl/err.h>

namespace gauntlet {
namespace {

TEST(OpenSslErrorString, JoinsAndClearsTheQueue) {
  ERR_clear_error();
  EXPECT_EQ(EVP_get_digestbyname("no-such-digest"), nullptr);
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EXPECT_EQ(EVP_DigestInit_ex(ctx.get(), nullptr, nullptr), 0);
  ERR_raise(ERR_LIB_EVP, ERR_R_PASSED_NULL_PARAMETER);
  ERR_raise(ERR_LIB_EVP, ERR_R_MALLOC_FAILURE);
  std::string text = openssl_error_string();
  EXPECT_NE(text.find("; "), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(ERR_peek_error(), 0u);
  EXPECT_EQ(openssl_error_string(), "no OpenSSL error");
}

}  // namespace
}  // namespace gauntlet
