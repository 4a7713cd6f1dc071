// Our record layer against real OpenSSL: an in-process libssl client and
// server handshake over memory BIOs pumped by hand; a key-log callback hands
// us the secrets. We derive the keys ourselves (TLS PRF + key block; for
// TLS 1.3 HKDF-Expand-Label from the traffic secrets), open OpenSSL's
// encrypted records with our layer, and have OpenSSL read records we sealed.
#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/base/writer.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/crypto/prf.h"
#include "engine/crypto/random.h"
#include "engine/record/key_block.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"
#include "engine/registry/cipher_suite.h"
#include "engine/testing/openssl_pair.h"

namespace gauntlet {
namespace {

using test_support::encrypted_finished;
using test_support::OpenSslPair;
using test_support::records;

Bytes bytes_of(std::string_view s) { return Bytes(s.begin(), s.end()); }

// ---- TLS 1.0 to 1.2 -------------------------------------------------------

struct Case {
  const char* name;
  int version;  // TLS1_VERSION etc.
  const char* openssl_suite;
  bool encrypt_then_mac;
};

std::string case_name(const testing::TestParamInfo<Case>& info) { return info.param.name; }

class OpenSslInterop : public testing::TestWithParam<Case> {};

TEST_P(OpenSslInterop, RecordsCrossBothWays) {
  const Case& c = GetParam();
  OpenSslPair conn;
  conn.restrict_version(c.version);
  conn.set_options(SSL_OP_NO_TICKET | (c.encrypt_then_mac ? 0 : SSL_OP_NO_ENCRYPT_THEN_MAC));
  if (!conn.set_cipher_list(std::string(c.openssl_suite) + ":@SECLEVEL=0")) {
    GTEST_SKIP() << "this OpenSSL does not offer " << c.openssl_suite;
  }
  ASSERT_TRUE(conn.handshake()) << c.openssl_suite << " handshake failed";

  // Keys from the master secret, by our PRF (RFC 5246 §6.3).
  const Bytes master = conn.logged_secret("CLIENT_RANDOM");
  Bytes client_random(32), server_random(32);
  SSL_get_client_random(conn.client(), client_random.data(), 32);
  SSL_get_server_random(conn.client(), server_random.data(), 32);
  const CipherSuiteInfo* suite = conn.suite();
  ASSERT_NE(suite, nullptr);
  const auto version = static_cast<ProtocolVersion>(c.version);
  const KeyBlockLayout layout = key_block_layout(version, suite->cipher, suite->mac);
  Bytes seed = server_random;
  seed.insert(seed.end(), client_random.begin(), client_random.end());
  const Bytes key_block =
      version == ProtocolVersion::tls12
          ? prf_tls12(suite->prf_hash, master, "key expansion", seed, layout.length())
          : prf_tls10(master, "key expansion", seed, layout.length());
  auto keys = split_key_block(key_block, layout);
  ASSERT_TRUE(keys.ok());

  DeterministicRandom random(3);
  auto make = [&](const DirectionKeys& k, Bytes iv, CipherDirection dir) {
    auto p = make_protection({version, suite->cipher, suite->mac, c.encrypt_then_mac, k.mac_key,
                              k.key, std::move(iv), dir, &random});
    EXPECT_TRUE(p.ok()) << p.error().to_string();
    return std::move(*p);
  };
  auto open_client = make(keys->client, keys->client.iv, CipherDirection::decrypt);
  auto seal_client = make(keys->client, keys->client.iv, CipherDirection::encrypt);
  auto open_server = make(keys->server, keys->server.iv, CipherDirection::decrypt);

  // OpenSSL's Finished records (sequence 0 of the new epoch) open under our
  // layer.
  const auto c_records = records(conn.sent(test_support::Direction::client_to_server)), s_records = records(conn.sent(test_support::Direction::server_to_client));
  const Record* c_fin = encrypted_finished(c_records);
  const Record* s_fin = encrypted_finished(s_records);
  ASSERT_TRUE(c_fin && s_fin);
  auto c_fin_plain = open_client->open(c_fin->type, c_fin->version, c_fin->fragment);
  ASSERT_TRUE(c_fin_plain.ok()) << c_fin_plain.error().to_string();
  EXPECT_EQ(c_fin_plain->plaintext.size(), 16u);
  EXPECT_EQ(c_fin_plain->plaintext.front(), 20) << "a Finished message";
  auto s_fin_plain = open_server->open(s_fin->type, s_fin->version, s_fin->fragment);
  ASSERT_TRUE(s_fin_plain.ok()) << s_fin_plain.error().to_string();

  // Re-sealing the client's Finished reproduces OpenSSL's bytes wherever the
  // sender has no choice: not for TLS 1.1+ CBC IVs, nor for the GCM explicit
  // nonce, which OpenSSL counts from a random start (RFC 5288 §3 lets it).
  auto resealed = seal_client->seal(ContentType::handshake, c_fin->version, c_fin_plain->plaintext);
  ASSERT_TRUE(resealed.ok());
  const bool cbc = cipher_kind(suite->cipher) == CipherKind::block;
  const bool sender_chosen_iv = (cbc && version >= ProtocolVersion::tls11) ||
                                suite->cipher == CipherAlgorithm::aes_128_gcm ||
                                suite->cipher == CipherAlgorithm::aes_256_gcm;
  if (!sender_chosen_iv) {
    EXPECT_EQ(*resealed, c_fin->fragment);
  }

  // OpenSSL → us: application data from sequence 1 on (OpenSSL may split it,
  // e.g. with an empty first fragment for TLS 1.0 CBC).
  const std::string from_openssl = "hello from OpenSSL's server";
  const auto app = conn.server_writes(from_openssl);
  ASSERT_FALSE(app.empty());
  Bytes got;
  for (const Record& r : app) {
    auto opened = open_server->open(r.type, r.version, r.fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    got.insert(got.end(), opened->plaintext.begin(), opened->plaintext.end());
  }
  EXPECT_EQ(std::string(got.begin(), got.end()), from_openssl);

  // TLS 1.0 CBC: a fresh reader starting at sequence 1 with the Finished
  // record's last ciphertext block, captured from the wire, as its IV
  // (RFC 2246 §6.2.3.2) opens the same records.
  if (cbc && version == ProtocolVersion::tls10) {
    const size_t bs = cipher_block_size(suite->cipher);
    const ByteView fin_ciphertext =
        ByteView(s_fin->fragment)
            .first(s_fin->fragment.size() - (c.encrypt_then_mac ? layout.mac_key : 0));
    auto fresh =
        make(keys->server,
             Bytes(fin_ciphertext.end() - static_cast<ptrdiff_t>(bs), fin_ciphertext.end()),
             CipherDirection::decrypt);
    fresh->set_next_sequence(1);
    Bytes again;
    for (const Record& r : app) {
      auto opened = fresh->open(r.type, r.version, r.fragment);
      ASSERT_TRUE(opened.ok()) << opened.error().to_string();
      again.insert(again.end(), opened->plaintext.begin(), opened->plaintext.end());
    }
    EXPECT_EQ(again, got);
  }

  // Us → OpenSSL: a record we sealed (client keys, sequence 1) is read by
  // OpenSSL's server.
  const std::string to_openssl = "hello from Gauntlet's record layer";
  auto sealed =
      seal_client->seal(ContentType::application_data, c_fin->version, bytes_of(to_openssl));
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(conn.server_reads(write_record(ContentType::application_data, c_fin->version, *sealed)),
            to_openssl);

  // And a record we tampered with is refused, with an alert.
  auto second = seal_client->seal(ContentType::application_data, c_fin->version, Bytes(20, 'x'));
  ASSERT_TRUE(second.ok());
  second->back() ^= 1;
  EXPECT_EQ(conn.server_reads(write_record(ContentType::application_data, c_fin->version, *second)),
            "");
  EXPECT_FALSE(conn.server_output().empty()) << "OpenSSL sends an alert";
}

const Case kCases[] = {
    {"tls10_aes128_sha", TLS1_VERSION, "AES128-SHA", false},
    {"tls10_aes128_sha_etm", TLS1_VERSION, "AES128-SHA", true},
    {"tls10_aes256_sha", TLS1_VERSION, "AES256-SHA", false},
    {"tls10_aes256_sha_etm", TLS1_VERSION, "AES256-SHA", true},
    {"tls10_3des", TLS1_VERSION, "DES-CBC3-SHA", false},
    {"tls10_null_sha", TLS1_VERSION, "NULL-SHA", false},
    {"tls10_null_md5", TLS1_VERSION, "NULL-MD5", false},
    {"tls11_aes128_sha", TLS1_1_VERSION, "AES128-SHA", false},
    {"tls11_aes128_sha_etm", TLS1_1_VERSION, "AES128-SHA", true},
    {"tls11_aes256_sha", TLS1_1_VERSION, "AES256-SHA", false},
    {"tls11_aes256_sha_etm", TLS1_1_VERSION, "AES256-SHA", true},
    {"tls11_null_sha", TLS1_1_VERSION, "NULL-SHA", false},
    {"tls12_aes128_sha", TLS1_2_VERSION, "AES128-SHA", false},
    {"tls12_aes128_sha_etm", TLS1_2_VERSION, "AES128-SHA", true},
    {"tls12_aes256_sha", TLS1_2_VERSION, "AES256-SHA", false},
    {"tls12_aes256_sha_etm", TLS1_2_VERSION, "AES256-SHA", true},
    {"tls12_aes128_sha256", TLS1_2_VERSION, "AES128-SHA256", false},
    {"tls12_aes128_sha256_etm", TLS1_2_VERSION, "AES128-SHA256", true},
    {"tls12_aes256_sha256_etm", TLS1_2_VERSION, "AES256-SHA256", true},
    {"tls12_ecdhe_aes256_sha384", TLS1_2_VERSION, "ECDHE-RSA-AES256-SHA384", false},
    {"tls12_aes128_gcm", TLS1_2_VERSION, "AES128-GCM-SHA256", false},
    {"tls12_aes256_gcm", TLS1_2_VERSION, "AES256-GCM-SHA384", false},
    {"tls12_ecdhe_aes128_gcm", TLS1_2_VERSION, "ECDHE-RSA-AES128-GCM-SHA256", false},
    {"tls12_chacha20", TLS1_2_VERSION, "ECDHE-RSA-CHACHA20-POLY1305", false},
    {"tls12_null_sha", TLS1_2_VERSION, "NULL-SHA", false},
    {"tls12_null_sha256", TLS1_2_VERSION, "NULL-SHA256", false},
    {"tls12_3des", TLS1_2_VERSION, "DES-CBC3-SHA", false},
};

INSTANTIATE_TEST_SUITE_P(Suites, OpenSslInterop, testing::ValuesIn(kCases), case_name);

// ---- TLS 1.3 ----------------------------------------------------------------

// HKDF-Expand-Label(secret, label, "", length) (RFC 8446 §7.1), through
// OpenSSL's HKDF: the test's own key schedule, independent of the engine.
Bytes expand_label(HashAlgorithm h, const Bytes& secret, std::string_view label, size_t length) {
  Writer info;
  info.u16(static_cast<uint16_t>(length));
  info.vec8(bytes_of("tls13 " + std::string(label)));
  info.vec8({});
  Bytes label_bytes = info.take();
  EvpKdfPtr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
  int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
  std::string digest(hash_name(h));
  Bytes key = secret;
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, key.data(), key.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, label_bytes.data(),
                                        label_bytes.size()),
      OSSL_PARAM_construct_end()};
  Bytes out(length);
  EXPECT_EQ(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params), 1);
  return out;
}

struct Tls13Case {
  const char* name;
  const char* openssl_suite;
};

class OpenSslTls13Interop : public testing::TestWithParam<Tls13Case> {};

TEST_P(OpenSslTls13Interop, RecordsCrossBothWays) {
  OpenSslPair conn;
  conn.restrict_version(TLS1_3_VERSION);
  for (SSL_CTX* ctx : {conn.server_ctx(), conn.client_ctx()}) {
    ASSERT_EQ(SSL_CTX_set_ciphersuites(ctx, GetParam().openssl_suite), 1);
  }
  SSL_CTX_set_num_tickets(conn.server_ctx(), 0);  // no post-handshake records
  ASSERT_TRUE(conn.handshake());
  const CipherSuiteInfo* suite = conn.suite();
  ASSERT_NE(suite, nullptr);

  auto make = [&](std::string_view secret_label, CipherDirection dir) {
    const Bytes secret = conn.logged_secret(secret_label);
    auto p = make_protection(
        {ProtocolVersion::tls13,
         suite->cipher,
         MacAlgorithm::none,
         false,
         {},
         expand_label(suite->prf_hash, secret, "key", cipher_key_size(suite->cipher)),
         expand_label(suite->prf_hash, secret, "iv", 12),
         dir,
         nullptr});
    EXPECT_TRUE(p.ok()) << p.error().to_string();
    return std::move(*p);
  };

  // The server's encrypted handshake flight, under its handshake traffic key.
  auto server_hs = make("SERVER_HANDSHAKE_TRAFFIC_SECRET", CipherDirection::decrypt);
  size_t protected_records = 0;
  for (const Record& r : records(conn.sent(test_support::Direction::server_to_client))) {
    if (r.type != ContentType::application_data) continue;
    auto opened = server_hs->open(r.type, r.version, r.fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(opened->type, ContentType::handshake);
    ++protected_records;
  }
  EXPECT_GT(protected_records, 0u);

  // The client's Finished, under the client handshake traffic key.
  auto client_hs = make("CLIENT_HANDSHAKE_TRAFFIC_SECRET", CipherDirection::decrypt);
  bool saw_finished = false;
  for (const Record& r : records(conn.sent(test_support::Direction::client_to_server))) {
    if (r.type != ContentType::application_data) continue;
    auto opened = client_hs->open(r.type, r.version, r.fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(opened->type, ContentType::handshake);
    saw_finished = saw_finished || opened->plaintext.front() == 20;
  }
  EXPECT_TRUE(saw_finished);

  // OpenSSL → us under the server application traffic key, sequence 0.
  auto server_app = make("SERVER_TRAFFIC_SECRET_0", CipherDirection::decrypt);
  const std::string from_openssl = "hello over TLS 1.3";
  Bytes got;
  for (const Record& r : conn.server_writes(from_openssl)) {
    auto opened = server_app->open(r.type, r.version, r.fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    EXPECT_EQ(opened->type, ContentType::application_data);
    got.insert(got.end(), opened->plaintext.begin(), opened->plaintext.end());
  }
  EXPECT_EQ(std::string(got.begin(), got.end()), from_openssl);

  // Us → OpenSSL under the client application traffic key.
  auto client_app = make("CLIENT_TRAFFIC_SECRET_0", CipherDirection::encrypt);
  const std::string to_openssl = "hello back from Gauntlet";
  auto sealed =
      client_app->seal(ContentType::application_data, ProtocolVersion::tls12, bytes_of(to_openssl));
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(conn.server_reads(
                write_record(ContentType::application_data, ProtocolVersion::tls12, *sealed)),
            to_openssl);
  auto tampered =
      client_app->seal(ContentType::application_data, ProtocolVersion::tls12, Bytes(5, 'y'));
  ASSERT_TRUE(tampered.ok());
  tampered->front() ^= 1;
  EXPECT_EQ(conn.server_reads(
                write_record(ContentType::application_data, ProtocolVersion::tls12, *tampered)),
            "");
}

const Tls13Case kTls13Cases[] = {
    {"aes128_gcm", "TLS_AES_128_GCM_SHA256"},
    {"aes256_gcm", "TLS_AES_256_GCM_SHA384"},
    {"chacha20", "TLS_CHACHA20_POLY1305_SHA256"},
};

INSTANTIATE_TEST_SUITE_P(Suites, OpenSslTls13Interop, testing::ValuesIn(kTls13Cases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace gauntlet
