// Certificates from PEM and DER, their TLS-relevant fields, and chain
// verification against the test PKI at injected times.
#include "engine/crypto/x509.h"

#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"
#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

constexpr int64_t k2020 = 1577836800;             // 2020-01-01T00:00:00Z
constexpr int64_t kEndOf2099 = 4102444799;        // 2099-12-31T23:59:59Z
constexpr int64_t kNow = 1800000000;              // 2027
constexpr int64_t kBeforeNotBefore = 1500000000;  // 2017

TEST(Certificates, LoadChainAndFields) {
  const auto c = test_certificates("server-rsa-chain.pem");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].subject(), "CN=server-rsa,O=Gauntlet test");
  EXPECT_EQ(c[0].issuer(), "CN=intermediate-ca,O=Gauntlet test");
  EXPECT_EQ(c[0].issuer(), c[1].subject());
  EXPECT_EQ(c[0].not_before(), k2020);
  EXPECT_EQ(c[0].not_after(), kEndOf2099);
  auto key = c[0].public_key();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->type(), KeyType::rsa);
  EXPECT_EQ(EVP_PKEY_eq(key->get(), test_key("server-rsa").get()), 1);
  EXPECT_EQ(test_certificates("server-ecdsa.pem")[0].public_key()->type(), KeyType::ec_p256);
  EXPECT_EQ(test_certificates("server-dsa.pem")[0].public_key()->type(), KeyType::dsa);
  const auto expired = test_certificates("server-expired.pem");
  EXPECT_EQ(expired[0].not_after(), 1609459200);  // 2021-01-01
}

TEST(Certificates, KeyUsageAndExtendedKeyUsage) {
  const Certificate server = test_certificates("server-rsa.pem")[0];
  EXPECT_TRUE(server.allows_digital_signature());
  EXPECT_TRUE(server.allows_key_encipherment());
  EXPECT_TRUE(server.allows_key_agreement());
  EXPECT_TRUE(server.allows_server_auth());
  EXPECT_FALSE(server.allows_client_auth());
  const Certificate client = test_certificates("client-rsa.pem")[0];
  EXPECT_TRUE(client.allows_digital_signature());
  EXPECT_FALSE(client.allows_key_encipherment());
  EXPECT_FALSE(client.allows_key_agreement());
  EXPECT_FALSE(client.allows_server_auth());
  EXPECT_TRUE(client.allows_client_auth());
  // The root has keyUsage keyCertSign only, and no extendedKeyUsage at all.
  const Certificate root = test_certificates("root-ca.pem")[0];
  EXPECT_FALSE(root.allows_digital_signature());
  EXPECT_TRUE(root.allows_server_auth());
  EXPECT_TRUE(root.allows_client_auth());
}

TEST(Certificates, DerRoundTripAndCopies) {
  const Certificate leaf = test_certificates("server-ecdsa.pem")[0];
  const Bytes der = leaf.der();
  auto parsed = Certificate::from_der(der);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->der(), der);
  auto loaded = load_certificates(der);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0].subject(), leaf.subject());
  Certificate copy = leaf;
  EXPECT_EQ(copy.get(), leaf.get());
  copy = *parsed;
  EXPECT_EQ(copy.der(), der);
}

TEST(Certificates, MalformedInputIsBadCertificate) {
  const Bytes der = test_certificates("server-rsa.pem")[0].der();
  Bytes trailing = der;
  trailing.push_back(0);
  EXPECT_EQ(Certificate::from_der(trailing).error().alert, AlertDescription::bad_certificate);
  EXPECT_EQ(Certificate::from_der(ByteView(der).first(100)).error().alert,
            AlertDescription::bad_certificate);
  EXPECT_EQ(Certificate::from_der(Bytes{}).error().alert, AlertDescription::bad_certificate);
  EXPECT_EQ(load_certificates(text_bytes("xy")).error().alert, AlertDescription::bad_certificate);
  auto pem = read_file(kTestPki + "server-rsa-chain.pem");
  ASSERT_TRUE(pem.ok());
  // Cut inside the second certificate: the first alone must not pass.
  EXPECT_EQ(load_certificates(ByteView(*pem).first(pem->size() - 100)).error().alert,
            AlertDescription::bad_certificate);
  Bytes corrupt = *pem;
  corrupt[200] = '*';  // not base64, inside the first body
  EXPECT_EQ(load_certificates(corrupt).error().alert, AlertDescription::bad_certificate);
  EXPECT_FALSE(load_certificates_file(kTestPki + "no-such.pem").ok());
}

class Verify : public testing::Test {
 protected:
  Verify() { EXPECT_TRUE(trust_.add_file(kTestPki + "root-ca.pem").ok()); }
  Status check(const std::string& file, std::optional<std::string> host = "localhost",
               int64_t now = kNow, Purpose purpose = Purpose::server) {
    return verify_chain(trust_, test_certificates(file), host, now, purpose);
  }
  TrustStore trust_;
};

TEST_F(Verify, GoodChains) {
  EXPECT_TRUE(check("server-rsa-chain.pem").ok());
  EXPECT_TRUE(check("server-rsa-chain.pem", "127.0.0.1").ok());
  EXPECT_TRUE(check("server-rsa-chain.pem", std::nullopt).ok());
  EXPECT_TRUE(check("server-ecdsa-chain.pem").ok());
  EXPECT_TRUE(check("server-dsa-chain.pem").ok());
  EXPECT_TRUE(check("client-rsa-chain.pem", std::nullopt, kNow, Purpose::client).ok());
  EXPECT_TRUE(check("server-rsa-chain.pem", "localhost", k2020).ok()) << "first valid second";
  // OpenSSL counts notAfter itself as expired (X509_cmp_time treats equal as earlier).
  EXPECT_TRUE(check("server-rsa-chain.pem", "localhost", kEndOf2099 - 1).ok());
}

TEST_F(Verify, TrustFromPemBytes) {
  auto pem = read_file(kTestPki + "root-ca.pem");
  ASSERT_TRUE(pem.ok());
  TrustStore store;
  ASSERT_TRUE(store.add_pem(*pem).ok());
  EXPECT_TRUE(verify_chain(store, test_certificates("server-rsa-chain.pem"), "localhost", kNow,
                           Purpose::server)
                  .ok());
  EXPECT_EQ(store.add_pem(text_bytes("not pem")).error().alert, AlertDescription::bad_certificate);
}

TEST_F(Verify, TheInjectedTimeDecides) {
  const Status early = check("server-rsa-chain.pem", "localhost", kBeforeNotBefore);
  EXPECT_EQ(early.error().alert, AlertDescription::certificate_expired);
  EXPECT_NE(early.error().reason.find("not yet valid"), std::string::npos) << early.error().reason;
  EXPECT_EQ(check("server-rsa-chain.pem", "localhost", kEndOf2099 + 1).error().alert,
            AlertDescription::certificate_expired);
  const Status expired = check("server-expired-chain.pem");
  EXPECT_EQ(expired.error().alert, AlertDescription::certificate_expired);
  EXPECT_NE(expired.error().reason.find("certificate has expired"), std::string::npos)
      << expired.error().reason;
  EXPECT_TRUE(check("server-expired-chain.pem", "localhost", k2020 + 86400).ok())
      << "valid during 2020";
}

TEST_F(Verify, UntrustedIsUnknownCa) {
  EXPECT_EQ(check("self-signed.pem").error().alert, AlertDescription::unknown_ca);
  EXPECT_EQ(check("server-rsa.pem").error().alert, AlertDescription::unknown_ca)
      << "intermediate missing";
  TrustStore empty;
  EXPECT_EQ(verify_chain(empty, test_certificates("server-rsa-chain.pem"), std::nullopt, kNow,
                         Purpose::server)
                .error()
                .alert,
            AlertDescription::unknown_ca);
  EXPECT_EQ(verify_chain(trust_, {}, std::nullopt, kNow, Purpose::server).error().alert,
            AlertDescription::bad_certificate);
}

TEST_F(Verify, WrongNameIsBadCertificate) {
  EXPECT_EQ(check("server-wrong-name-chain.pem").error().alert, AlertDescription::bad_certificate);
  const Status other = check("server-rsa-chain.pem", "other.example");
  EXPECT_EQ(other.error().alert, AlertDescription::bad_certificate);
  EXPECT_NE(other.error().reason.find("other.example"), std::string::npos);
  EXPECT_EQ(check("server-rsa-chain.pem", "127.0.0.2").error().alert,
            AlertDescription::bad_certificate);
}

TEST_F(Verify, WrongPurposeIsUnsupportedCertificate) {
  EXPECT_EQ(check("server-client-eku-chain.pem").error().alert,
            AlertDescription::unsupported_certificate);
  EXPECT_EQ(check("client-rsa-chain.pem", std::nullopt).error().alert,
            AlertDescription::unsupported_certificate)
      << "a clientAuth certificate is not a server certificate";
  EXPECT_EQ(check("server-rsa-chain.pem", std::nullopt, kNow, Purpose::client).error().alert,
            AlertDescription::unsupported_certificate);
}

}  // namespace
}  // namespace gauntlet
