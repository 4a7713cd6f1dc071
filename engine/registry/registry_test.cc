// Every registry table: names round-trip both ways, values and names are
// unique, unknown values print as hex.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "engine/base/alert.h"
#include "engine/registry/client_certificate_type.h"
#include "engine/registry/compression_method.h"
#include "engine/registry/content_type.h"
#include "engine/registry/extension_type.h"
#include "engine/registry/handshake_type.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/version.h"

namespace gauntlet {
namespace {

// Walks every wire value of E's width (up to 16 bits), so the test sees every
// table row without reaching into the tables.
template <typename E, typename Known, typename FromName>
void check_registry(Known known, FromName from_name, uint32_t max_wire, size_t expected_rows) {
  std::set<std::string> iana_names, openssl_names;
  size_t rows = 0;
  for (uint32_t wire = 0; wire <= max_wire; ++wire) {
    const std::optional<E> v = known(wire);
    if (!v) {
      EXPECT_EQ(iana_name(static_cast<E>(wire)).rfind("unknown(0x", 0), 0u) << wire;
      continue;
    }
    ++rows;
    EXPECT_EQ(static_cast<uint32_t>(*v), wire);
    const std::string iana = iana_name(*v), ossl = openssl_name(*v);
    EXPECT_FALSE(iana.empty());
    EXPECT_TRUE(iana_names.insert(iana).second) << "duplicate IANA name " << iana;
    EXPECT_TRUE(openssl_names.insert(ossl).second) << "duplicate OpenSSL name " << ossl;
    EXPECT_EQ(from_name(iana), v) << iana;
    EXPECT_EQ(from_name(ossl), v) << ossl;
  }
  EXPECT_EQ(rows, expected_rows);
  EXPECT_FALSE(from_name("no such name").has_value());
}

TEST(Registry, Alerts) {
  check_registry<AlertDescription>(
      [](uint32_t w) { return known_alert_description(static_cast<uint8_t>(w)); },
      alert_description_from_name, 255, 35);
  EXPECT_EQ(iana_name(AlertDescription::bad_record_mac), "bad_record_mac");
  EXPECT_EQ(openssl_name(AlertDescription::bad_record_mac), "bad record mac");
  EXPECT_EQ(iana_name(static_cast<AlertDescription>(200)), "unknown(0xc8)");
  EXPECT_EQ(alert_level_from_name("fatal"), AlertLevel::fatal);
}

TEST(Registry, Versions) {
  check_registry<ProtocolVersion>(
      [](uint32_t w) { return known_version(static_cast<uint16_t>(w)); },
      protocol_version_from_name, 0xffff, 6);
  EXPECT_EQ(iana_name(ProtocolVersion::tls12), "TLS 1.2");
  EXPECT_EQ(openssl_name(ProtocolVersion::tls10), "TLSv1");
  EXPECT_EQ(iana_name(static_cast<ProtocolVersion>(0x0305)), "unknown(0x0305)");
}

TEST(Registry, ContentTypes) {
  check_registry<ContentType>(
      [](uint32_t w) { return known_content_type(static_cast<uint8_t>(w)); },
      content_type_from_name, 255, 5);
}

TEST(Registry, HandshakeTypes) {
  check_registry<HandshakeType>(
      [](uint32_t w) { return known_handshake_type(static_cast<uint8_t>(w)); },
      handshake_type_from_name, 255, 20);
  check_registry<Ssl2MessageType>(
      [](uint32_t w) { return known_ssl2_message_type(static_cast<uint8_t>(w)); },
      ssl2_message_type_from_name, 255, 9);
  EXPECT_EQ(openssl_name(HandshakeType::server_key_exchange), "ServerKeyExchange");
  EXPECT_EQ(openssl_name(HandshakeType::certificate_url), "CertificateUrl");
  EXPECT_EQ(handshake_type_from_name("ClientHello"), HandshakeType::client_hello);
  EXPECT_EQ(ssl2_message_type_from_name("CLIENT-MASTER-KEY"), Ssl2MessageType::client_master_key);
  EXPECT_EQ(iana_name(static_cast<HandshakeType>(7)), "unknown(0x07)");
}

TEST(Registry, NamedGroups) {
  check_registry<NamedGroup>(
      [](uint32_t w) { return known_named_group(static_cast<uint16_t>(w)); },
      named_group_from_name, 0xffff, 37);
  EXPECT_EQ(named_group_from_name("P-256"), NamedGroup::secp256r1);
  EXPECT_EQ(named_group_from_name("X25519"), NamedGroup::x25519);
  EXPECT_TRUE(is_ffdhe(NamedGroup::ffdhe3072));
  EXPECT_FALSE(is_ffdhe(NamedGroup::x25519));
  check_registry<ECPointFormat>(
      [](uint32_t w) { return known_ec_point_format(static_cast<uint8_t>(w)); },
      ec_point_format_from_name, 255, 3);
  check_registry<ECCurveType>(
      [](uint32_t w) { return known_ec_curve_type(static_cast<uint8_t>(w)); },
      ec_curve_type_from_name, 255, 3);
}

TEST(Registry, SignatureSchemes) {
  check_registry<SignatureScheme>(
      [](uint32_t w) { return known_signature_scheme(static_cast<uint16_t>(w)); },
      signature_scheme_from_name, 0xffff, 26);
  EXPECT_EQ(signature_kind(SignatureScheme::rsa_pkcs1_sha256), SignatureAlgorithmKind::rsa_pkcs1);
  EXPECT_EQ(signature_kind(SignatureScheme::dsa_sha1), SignatureAlgorithmKind::dsa);
  EXPECT_EQ(signature_kind(SignatureScheme::ecdsa_secp384r1_sha384), SignatureAlgorithmKind::ecdsa);
  EXPECT_EQ(signature_kind(SignatureScheme::rsa_pss_pss_sha384), SignatureAlgorithmKind::rsa_pss_pss);
  EXPECT_EQ(signature_kind(static_cast<SignatureScheme>(0x0701)), SignatureAlgorithmKind::unknown);
  EXPECT_EQ(signature_hash(SignatureScheme::rsa_pkcs1_md5), HashAlgorithm::md5);
  EXPECT_EQ(signature_hash(SignatureScheme::ecdsa_sha224), HashAlgorithm::sha224);
  EXPECT_EQ(signature_hash(SignatureScheme::rsa_pss_rsae_sha384), HashAlgorithm::sha384);
  EXPECT_EQ(signature_hash(SignatureScheme::rsa_pss_pss_sha512), HashAlgorithm::sha512);
  EXPECT_EQ(signature_hash(SignatureScheme::ed25519), std::nullopt);
}

TEST(Registry, Extensions) {
  check_registry<ExtensionType>(
      [](uint32_t w) { return known_extension_type(static_cast<uint16_t>(w)); },
      extension_type_from_name, 0xffff, 40);
  EXPECT_EQ(known_extension_type(0xff01), ExtensionType::renegotiation_info);
  EXPECT_EQ(extension_type_from_name("renegotiate"), ExtensionType::renegotiation_info);
  EXPECT_EQ(openssl_name(ExtensionType::cookie), "cookie_ext");
  EXPECT_EQ(openssl_name(ExtensionType::record_size_limit), "record_size_limit");
  EXPECT_EQ(iana_name(static_cast<ExtensionType>(0xfe0d)), "unknown(0xfe0d)");
}

TEST(Registry, CompressionAndCertificateTypes) {
  check_registry<CompressionMethod>(
      [](uint32_t w) { return known_compression_method(static_cast<uint8_t>(w)); },
      compression_method_from_name, 255, 2);
  check_registry<ClientCertificateType>(
      [](uint32_t w) { return known_client_certificate_type(static_cast<uint8_t>(w)); },
      client_certificate_type_from_name, 255, 7);
  EXPECT_EQ(openssl_name(CompressionMethod::null), "No Compression");
  EXPECT_EQ(compression_method_from_name("DEFLATE"), CompressionMethod::deflate);
  EXPECT_EQ(known_client_certificate_type(64), ClientCertificateType::ecdsa_sign);
  EXPECT_EQ(known_client_certificate_type(5), std::nullopt);
}

// SSL 2.0 cipher kinds are 24 bits wide with a zero middle byte in every
// defined kind (SSL 2.0 spec, appendix A.3): walk the outer two bytes.
TEST(Registry, Ssl2CipherKinds) {
  std::set<std::string> names;
  for (uint32_t outer = 0; outer <= 0xffff; ++outer) {
    const uint32_t wire = (outer >> 8) << 16 | (outer & 0xff);
    const std::optional<Ssl2CipherKind> v = known_ssl2_cipher_kind(wire);
    if (!v) continue;
    EXPECT_EQ(static_cast<uint32_t>(*v), wire);
    EXPECT_TRUE(names.insert(iana_name(*v)).second);
    EXPECT_EQ(ssl2_cipher_kind_from_name(iana_name(*v)), v);
    EXPECT_EQ(ssl2_cipher_kind_from_name(openssl_name(*v)), v);
  }
  EXPECT_EQ(names.size(), 7u);
  EXPECT_EQ(known_ssl2_cipher_kind(0x010180), std::nullopt);
  EXPECT_EQ(openssl_name(Ssl2CipherKind::rc4_128_export40_with_md5), "EXP-RC4-MD5");
  EXPECT_EQ(iana_name(static_cast<Ssl2CipherKind>(0x080080)), "unknown(0x080080)");
  EXPECT_FALSE(ssl2_cipher_kind_from_name("no such name").has_value());
}

// Each kind's last byte is its key length in bits (SSL 2.0 spec §2.6,
// appendix C.4); only the export40 kinds send clear key bytes, 5 stay secret.
TEST(Registry, Ssl2CipherKindInfo) {
  EXPECT_EQ(all_ssl2_cipher_kinds().size(), 7u);
  for (const Ssl2CipherKindInfo& info : all_ssl2_cipher_kinds()) {
    SCOPED_TRACE(iana_name(info.kind));
    EXPECT_EQ(ssl2_cipher_kind_info(info.kind), &info);
    EXPECT_EQ(info.key_size * 8, static_cast<uint32_t>(info.kind) & 0xff);
    EXPECT_EQ(info.export40(), iana_name(info.kind).find("EXPORT40") != std::string::npos);
    if (info.export40()) {
      EXPECT_EQ(info.key_size - info.clear_key_size, 5u);
    }
    EXPECT_EQ(info.key_arg_size, info.cipher == Ssl2BulkCipher::rc4 ? 0u : 8u);
  }
  EXPECT_EQ(ssl2_cipher_kind_info(static_cast<Ssl2CipherKind>(0x080080)), nullptr);
}

}  // namespace
}  // namespace gauntlet
