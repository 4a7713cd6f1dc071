// Signature scheme properties, and the names cross-checked against libssl.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <openssl/ssl.h>

#include "engine/registry/signature_scheme.h"

namespace gauntlet {
namespace {

using CtxPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;

bool openssl_accepts(const std::string& sigalgs) {
  CtxPtr ctx(SSL_CTX_new(TLS_method()), SSL_CTX_free);
  return ctx && SSL_CTX_set1_sigalgs_list(ctx.get(), sigalgs.c_str()) == 1;
}

// OpenSSL accepts our OpenSSL name for every scheme but the MD5 pairs, which
// it refuses however they are spelled.
TEST(SignatureScheme, OpenSslAcceptsOurNames) {
  int checked = 0;
  for (uint32_t wire = 0; wire <= 0xffff; ++wire) {
    const std::optional<SignatureScheme> s = known_signature_scheme(static_cast<uint16_t>(wire));
    if (!s) continue;
    ++checked;
    const bool md5 = signature_hash(*s) == HashAlgorithm::md5;
    EXPECT_EQ(openssl_accepts(openssl_name(*s)), !md5) << openssl_name(*s);
  }
  EXPECT_EQ(checked, 26);
  EXPECT_FALSE(openssl_accepts("RSA+MD5"));
  // OpenSSL also takes the RFC 8446 names, though not for DSA or SHA-224.
  for (SignatureScheme s : {SignatureScheme::rsa_pkcs1_sha1, SignatureScheme::rsa_pkcs1_sha512,
                            SignatureScheme::ecdsa_secp256r1_sha256,
                            SignatureScheme::ecdsa_secp521r1_sha512,
                            SignatureScheme::rsa_pss_pss_sha384}) {
    EXPECT_TRUE(openssl_accepts(iana_name(s))) << iana_name(s);
  }
}

TEST(SignatureScheme, KindAndHashFollowTheWireBytes) {
  for (uint32_t wire = 0; wire <= 0xffff; ++wire) {
    const std::optional<SignatureScheme> s = known_signature_scheme(static_cast<uint16_t>(wire));
    if (!s || wire >> 8 == 0x08) continue;
    // RFC 5246 §7.4.1.4.1: hash byte then signature byte.
    constexpr HashAlgorithm kHashes[] = {HashAlgorithm::md5,    HashAlgorithm::sha1,
                                         HashAlgorithm::sha224, HashAlgorithm::sha256,
                                         HashAlgorithm::sha384, HashAlgorithm::sha512};
    constexpr SignatureAlgorithmKind kKinds[] = {SignatureAlgorithmKind::rsa_pkcs1,
                                                 SignatureAlgorithmKind::dsa,
                                                 SignatureAlgorithmKind::ecdsa};
    EXPECT_EQ(signature_hash(*s), kHashes[(wire >> 8) - 1]) << wire;
    EXPECT_EQ(signature_kind(*s), kKinds[(wire & 0xff) - 1]) << wire;
  }
  EXPECT_EQ(signature_kind(SignatureScheme::rsa_pss_rsae_sha512),
            SignatureAlgorithmKind::rsa_pss_rsae);
  EXPECT_EQ(signature_kind(SignatureScheme::ed448), SignatureAlgorithmKind::ed448);
  EXPECT_EQ(signature_hash(SignatureScheme::ed448), std::nullopt);
  EXPECT_EQ(signature_hash(SignatureScheme::rsa_pss_rsae_sha256), HashAlgorithm::sha256);
  EXPECT_EQ(signature_hash(SignatureScheme::rsa_pss_pss_sha256), HashAlgorithm::sha256);
  EXPECT_EQ(signature_kind(static_cast<SignatureScheme>(0x0204)), SignatureAlgorithmKind::unknown);
  EXPECT_EQ(signature_hash(static_cast<SignatureScheme>(0x0204)), std::nullopt);
  EXPECT_EQ(openssl_name(SignatureScheme::rsa_pkcs1_sha256), "RSA+SHA256");
  EXPECT_EQ(openssl_name(SignatureScheme::rsa_pkcs1_md5), "rsa_pkcs1_md5");
  EXPECT_EQ(signature_scheme_from_name("ECDSA+SHA384"), SignatureScheme::ecdsa_secp384r1_sha384);
}

}  // namespace
}  // namespace gauntlet
