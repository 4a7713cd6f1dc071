#include "engine/crypto/certificate_signature.h"

#include <gtest/gtest.h>

#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

using S = SignatureScheme;

TEST(CertificateSignature, NamesTheIssuersHashAndAlgorithm) {
  const auto chain = test_certificates("server-rsa-chain.pem");
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(certificate_signature_schemes(chain[0]), std::vector{S::rsa_pkcs1_sha256});
  EXPECT_EQ(certificate_signature_schemes(chain[1]), std::vector{S::rsa_pkcs1_sha256});
  // An RSA key, an ECDSA signature: what signed it, not what it holds.
  EXPECT_EQ(certificate_signature_schemes(test_certificates("rsa-by-ecdsa-ca.pem")[0]),
            std::vector{S::ecdsa_secp256r1_sha256});
}

TEST(CertificateSignature, ChainSignedWithEveryCertificateButTrustAnchors) {
  const auto rsa_chain = test_certificates("server-rsa-chain.pem");
  const auto ecdsa_signed = test_certificates("rsa-by-ecdsa-ca-chain.pem");
  EXPECT_TRUE(chain_signed_with(rsa_chain, std::vector{S::rsa_pkcs1_sha256}));
  EXPECT_FALSE(chain_signed_with(rsa_chain, std::vector{S::ecdsa_secp256r1_sha256}));
  EXPECT_TRUE(chain_signed_with(ecdsa_signed, std::vector{S::ecdsa_secp256r1_sha256}));
  EXPECT_FALSE(chain_signed_with(ecdsa_signed, std::vector{S::rsa_pkcs1_sha256}));
  // §4.4.2.2: a self-signed certificate may be signed with anything.
  EXPECT_TRUE(chain_signed_with(test_certificates("root-ca.pem"), std::vector<S>{}));
  EXPECT_TRUE(chain_signed_with(test_certificates("ecdsa-root-ca.pem"), std::vector<S>{}));
}

}  // namespace
}  // namespace gauntlet
