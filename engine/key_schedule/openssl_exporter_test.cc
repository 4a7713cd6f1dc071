// Exporters and key log lines against real libssl handshakes in process: our
// RFC 5705 exporter over the master secret OpenSSL logs, and our TLS 1.3
// exporter over its EXPORTER_SECRET, must give what SSL_export_keying_material
// gives; every TLS 1.3 key log line OpenSSL writes must be one ours would.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "engine/key_schedule/exporter.h"
#include "engine/key_schedule/keylog.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/registry/cipher_suite.h"
#include "engine/testing/openssl_pair.h"

namespace gauntlet {
namespace {

using test_support::OpenSslPair;

constexpr std::string_view kLabel = "EXPERIMENTAL gauntlet";
const Bytes kContext = {0x01, 0x02, 0x03};

Bytes client_random(SSL* ssl) {
  Bytes out(32);
  SSL_get_client_random(ssl, out.data(), out.size());
  return out;
}

Bytes server_random(SSL* ssl) {
  Bytes out(32);
  SSL_get_server_random(ssl, out.data(), out.size());
  return out;
}

// What each side of the pair exports; both must agree.
Bytes openssl_export(OpenSslPair& pair, std::optional<ByteView> context, size_t length) {
  Bytes out(length);
  Bytes other(length);
  const uint8_t* data = context ? context->data() : nullptr;
  const size_t size = context ? context->size() : 0;
  for (auto [ssl, buf] : {std::pair{pair.client(), &out}, std::pair{pair.server(), &other}}) {
    EXPECT_EQ(SSL_export_keying_material(ssl, buf->data(), length, kLabel.data(), kLabel.size(),
                                         data, size, context.has_value()),
              1);
  }
  EXPECT_EQ(out, other);
  return out;
}

struct Tls12Case {
  const char* name;
  int version;
  const char* suite;
};

class Rfc5705Exporter : public testing::TestWithParam<Tls12Case> {};

TEST_P(Rfc5705Exporter, MatchesOpenSsl) {
  const Tls12Case& c = GetParam();
  OpenSslPair pair;
  pair.restrict_version(c.version);
  ASSERT_TRUE(pair.set_cipher_list(std::string(c.suite) + ":@SECLEVEL=0"));
  ASSERT_TRUE(pair.handshake());
  const auto version = static_cast<ProtocolVersion>(c.version);
  const HashAlgorithm prf_hash = pair.suite()->prf_hash;
  const Bytes master = pair.logged_secret("CLIENT_RANDOM");
  const Bytes cr = client_random(pair.client()), sr = server_random(pair.client());

  for (const std::optional<ByteView> context :
       {std::optional<ByteView>{}, std::optional<ByteView>{ByteView{}},
        std::optional<ByteView>{kContext}}) {
    for (const size_t length : {size_t{1}, size_t{32}, size_t{100}}) {
      auto ours =
          export_keying_material(version, prf_hash, master, cr, sr, kLabel, context, length);
      ASSERT_TRUE(ours.ok()) << ours.error().to_string();
      EXPECT_EQ(*ours, openssl_export(pair, context, length))
          << (context ? context->size() : -1) << " " << length;
    }
  }
  // RFC 5705 §4: an empty context is not the same as none.
  EXPECT_NE(*export_keying_material(version, prf_hash, master, cr, sr, kLabel, std::nullopt, 32),
            *export_keying_material(version, prf_hash, master, cr, sr, kLabel, ByteView{}, 32));
  ERR_clear_error();
}

INSTANTIATE_TEST_SUITE_P(
    Versions, Rfc5705Exporter,
    testing::Values(Tls12Case{"tls10", TLS1_VERSION, "ECDHE-RSA-AES128-SHA"},
                    Tls12Case{"tls11", TLS1_1_VERSION, "ECDHE-RSA-AES256-SHA"},
                    Tls12Case{"tls12", TLS1_2_VERSION, "ECDHE-RSA-AES128-GCM-SHA256"},
                    Tls12Case{"tls12_sha384", TLS1_2_VERSION, "ECDHE-RSA-AES256-GCM-SHA384"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Rfc5705Exporter, RefusesWhatItMustNot) {
  const Bytes master(48, 1), random(32, 2);
  auto export_with = [&](ProtocolVersion v, std::string_view label, std::optional<ByteView> ctx) {
    return export_keying_material(v, HashAlgorithm::sha256, master, random, random, label, ctx, 16);
  };
  EXPECT_TRUE(export_with(ProtocolVersion::tls12, kLabel, std::nullopt).ok());
  EXPECT_FALSE(export_with(ProtocolVersion::ssl3, kLabel, std::nullopt).ok());
  EXPECT_FALSE(export_with(ProtocolVersion::tls13, kLabel, std::nullopt).ok());
  EXPECT_FALSE(export_with(ProtocolVersion::tls12, "key expansion", std::nullopt).ok());
  EXPECT_FALSE(export_with(ProtocolVersion::tls12, "master secret", std::nullopt).ok());
  const Bytes huge(65536, 0);
  EXPECT_FALSE(export_with(ProtocolVersion::tls12, kLabel, ByteView(huge)).ok());
}

// A completed libssl TLS 1.3 handshake with the suite of the parameter.
class Tls13Exporter : public testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    pair.restrict_version(TLS1_3_VERSION);
    ASSERT_TRUE(pair.set_ciphersuites(GetParam()));
    ASSERT_TRUE(pair.handshake());
  }
  void TearDown() override { ERR_clear_error(); }

  OpenSslPair pair;
};

TEST_P(Tls13Exporter, MatchesOpenSslAndNoContextIsEmptyContext) {
  const HashAlgorithm h = pair.suite()->prf_hash;
  const Bytes exporter_secret = pair.logged_secret("EXPORTER_SECRET");
  ASSERT_EQ(exporter_secret.size(), digest_size(h));
  for (const size_t length : {size_t{1}, size_t{32}, size_t{100}}) {
    auto plain = tls13_export(h, exporter_secret, kLabel, {}, length);
    auto with_context = tls13_export(h, exporter_secret, kLabel, kContext, length);
    ASSERT_TRUE(plain.ok() && with_context.ok());
    EXPECT_EQ(*plain, openssl_export(pair, std::nullopt, length)) << length;
    EXPECT_EQ(*plain, openssl_export(pair, ByteView{}, length)) << length;
    EXPECT_EQ(*with_context, openssl_export(pair, ByteView(kContext), length)) << length;
  }
}

TEST_P(Tls13Exporter, EveryKeyLogLineIsOneOfOurs) {
  const Bytes cr = client_random(pair.client());
  std::set<std::string> logged(pair.keylog_lines().begin(), pair.keylog_lines().end());
  const Tls13Secret full_handshake[] = {
      Tls13Secret::client_handshake_traffic, Tls13Secret::server_handshake_traffic,
      Tls13Secret::client_application_traffic_0, Tls13Secret::server_application_traffic_0,
      Tls13Secret::exporter};
  for (const Tls13Secret s : full_handshake) {
    const Bytes secret = pair.logged_secret(keylog_label(s));
    EXPECT_EQ(logged.erase(keylog_line(s, cr, secret)), 1u) << keylog_label(s);
  }
  EXPECT_TRUE(logged.empty()) << "OpenSSL logged a line we would not: " << *logged.begin();
}

INSTANTIATE_TEST_SUITE_P(Suites, Tls13Exporter,
                         testing::Values("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                                         "TLS_CHACHA20_POLY1305_SHA256"));

}  // namespace
}  // namespace gauntlet
