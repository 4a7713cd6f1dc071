// Our record layer against real OpenSSL: an in-process libssl client and
// server handshake over memory BIOs; a key-log callback hands us the master
// secret. We then open OpenSSL's Finished and application records with our
// layer, re-seal the client's Finished (byte-identical where the mode has no
// per-record randomness), and have OpenSSL read records we sealed.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "engine/crypto/prf.h"
#include "engine/crypto/random.h"
#include "engine/record/key_block.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet {
namespace {

using SslCtxPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using SslPtr = std::unique_ptr<SSL, decltype(&SSL_free)>;

struct Identity {
  EVP_PKEY* key;
  X509* cert;
};

// One RSA key and self-signed certificate for every case (RSA keygen is slow).
const Identity& identity() {
  static const Identity id = [] {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    X509* cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509_sign(cert, key, EVP_sha256());
    return Identity{key, cert};
  }();
  return id;
}

std::string g_keylog;
void keylog(const SSL*, const char* line) { g_keylog = line; }

Bytes from_hex(std::string_view s) {
  Bytes out;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(s.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

Bytes drain(BIO* bio) {
  Bytes out(static_cast<size_t>(BIO_ctrl_pending(bio)));
  if (!out.empty()) BIO_read(bio, out.data(), static_cast<int>(out.size()));
  return out;
}

// The record stream of one direction, split into records.
std::vector<Record> records(ByteView stream) {
  std::vector<Record> out;
  Reader in(stream);
  while (!in.empty()) {
    auto r = read_record(in);
    if (!r.ok() || !r->has_value()) break;
    out.push_back(std::move(**r));
  }
  return out;
}

// The first handshake record after ChangeCipherSpec: the encrypted Finished.
const Record* encrypted_finished(const std::vector<Record>& rs) {
  bool after_ccs = false;
  for (const Record& r : rs) {
    if (r.type == ContentType::change_cipher_spec) after_ccs = true;
    if (after_ccs && r.type == ContentType::handshake) return &r;
  }
  return nullptr;
}

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
  SslCtxPtr sctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
  SslCtxPtr cctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  for (SSL_CTX* ctx : {sctx.get(), cctx.get()}) {
    SSL_CTX_set_min_proto_version(ctx, c.version);
    SSL_CTX_set_max_proto_version(ctx, c.version);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET |
                                 (c.encrypt_then_mac ? 0 : SSL_OP_NO_ENCRYPT_THEN_MAC));
    const std::string list = std::string(c.openssl_suite) + ":@SECLEVEL=0";
    if (SSL_CTX_set_cipher_list(ctx, list.c_str()) != 1) {
      GTEST_SKIP() << "this OpenSSL does not offer " << c.openssl_suite;
    }
  }
  SSL_CTX_use_certificate(sctx.get(), identity().cert);
  SSL_CTX_use_PrivateKey(sctx.get(), identity().key);
  SSL_CTX_set_keylog_callback(cctx.get(), keylog);

  SslPtr server(SSL_new(sctx.get()), SSL_free), client(SSL_new(cctx.get()), SSL_free);
  BIO *c_in = BIO_new(BIO_s_mem()), *c_out = BIO_new(BIO_s_mem());
  BIO *s_in = BIO_new(BIO_s_mem()), *s_out = BIO_new(BIO_s_mem());
  SSL_set_bio(client.get(), c_in, c_out);
  SSL_set_bio(server.get(), s_in, s_out);
  SSL_set_connect_state(client.get());
  SSL_set_accept_state(server.get());

  Bytes c2s, s2c;
  g_keylog.clear();
  for (int round = 0; round < 20; ++round) {
    const int cr = SSL_do_handshake(client.get());
    const Bytes from_client = drain(c_out);
    c2s.insert(c2s.end(), from_client.begin(), from_client.end());
    BIO_write(s_in, from_client.data(), static_cast<int>(from_client.size()));
    const int sr = SSL_do_handshake(server.get());
    const Bytes from_server = drain(s_out);
    s2c.insert(s2c.end(), from_server.begin(), from_server.end());
    BIO_write(c_in, from_server.data(), static_cast<int>(from_server.size()));
    if (cr == 1 && sr == 1) break;
  }
  if (SSL_is_init_finished(client.get()) != 1) {
    ERR_clear_error();
    GTEST_SKIP() << "OpenSSL would not complete a " << c.openssl_suite << " handshake here";
  }

  // Keys from the master secret, by our PRF (RFC 5246 §6.3).
  ASSERT_EQ(g_keylog.rfind("CLIENT_RANDOM ", 0), 0u) << g_keylog;
  const Bytes master = from_hex(g_keylog.substr(14 + 64 + 1));
  Bytes client_random(32), server_random(32);
  SSL_get_client_random(client.get(), client_random.data(), 32);
  SSL_get_server_random(client.get(), server_random.data(), 32);
  const auto id = static_cast<uint16_t>(SSL_CIPHER_get_id(SSL_get_current_cipher(client.get())));
  const CipherSuiteInfo* suite = cipher_suite_info(static_cast<CipherSuite>(id));
  ASSERT_NE(suite, nullptr);
  const auto version = static_cast<ProtocolVersion>(c.version);
  const KeyBlockLayout layout = key_block_layout(version, suite->cipher, suite->mac);
  Bytes seed = server_random;
  seed.insert(seed.end(), client_random.begin(), client_random.end());
  const Bytes block = version == ProtocolVersion::tls12
                          ? prf_tls12(suite->prf_hash, master, "key expansion", seed, layout.length())
                          : prf_tls10(master, "key expansion", seed, layout.length());
  auto keys = split_key_block(block, layout);
  ASSERT_TRUE(keys.ok());

  DeterministicRandom random(3);
  auto make = [&](const DirectionKeys& k, CipherDirection dir) {
    auto p = make_protection({version, suite->cipher, suite->mac, c.encrypt_then_mac, k.mac_key,
                              k.key, k.iv, dir, &random});
    EXPECT_TRUE(p.ok()) << p.error().to_string();
    return std::move(*p);
  };
  auto open_client = make(keys->client, CipherDirection::decrypt);
  auto seal_client = make(keys->client, CipherDirection::encrypt);
  auto open_server = make(keys->server, CipherDirection::decrypt);

  // OpenSSL's Finished records open under our layer.
  const auto c_records = records(c2s), s_records = records(s2c);
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
  const bool sender_chosen_iv =
      (cipher_kind(suite->cipher) == CipherKind::block && version >= ProtocolVersion::tls11) ||
      suite->cipher == CipherAlgorithm::aes_128_gcm || suite->cipher == CipherAlgorithm::aes_256_gcm;
  if (!sender_chosen_iv) {
    EXPECT_EQ(*resealed, c_fin->fragment);
  }

  // OpenSSL → us: application data.
  const std::string from_openssl = "hello from OpenSSL's server";
  ASSERT_EQ(SSL_write(server.get(), from_openssl.data(), static_cast<int>(from_openssl.size())),
            static_cast<int>(from_openssl.size()));
  const auto app = records(drain(s_out));
  ASSERT_FALSE(app.empty());
  Bytes got;
  for (const Record& r : app) {
    auto opened = open_server->open(r.type, r.version, r.fragment);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    got.insert(got.end(), opened->plaintext.begin(), opened->plaintext.end());
  }
  EXPECT_EQ(std::string(got.begin(), got.end()), from_openssl);

  // Us → OpenSSL: a record we sealed is read by OpenSSL's server.
  const std::string to_openssl = "hello from Gauntlet's record layer";
  auto sealed = seal_client->seal(ContentType::application_data, c_fin->version,
                                  Bytes(to_openssl.begin(), to_openssl.end()));
  ASSERT_TRUE(sealed.ok());
  const Bytes wire = write_record(ContentType::application_data, c_fin->version, *sealed);
  BIO_write(s_in, wire.data(), static_cast<int>(wire.size()));
  char buf[256];
  const int n = SSL_read(server.get(), buf, sizeof buf);
  ASSERT_GT(n, 0) << ERR_error_string(ERR_get_error(), nullptr);
  EXPECT_EQ(std::string(buf, static_cast<size_t>(n)), to_openssl);

  // And a record we tampered with is refused by OpenSSL with bad_record_mac.
  auto second = seal_client->seal(ContentType::application_data, c_fin->version, Bytes(20, 'x'));
  ASSERT_TRUE(second.ok());
  second->back() ^= 1;
  const Bytes bad = write_record(ContentType::application_data, c_fin->version, *second);
  BIO_write(s_in, bad.data(), static_cast<int>(bad.size()));
  EXPECT_LE(SSL_read(server.get(), buf, sizeof buf), 0);
  const Bytes alert = drain(s_out);
  EXPECT_FALSE(alert.empty()) << "OpenSSL sends an alert";
  ERR_clear_error();
}

const Case kCases[] = {
    {"tls10_aes128_sha", TLS1_VERSION, "AES128-SHA", false},
    {"tls10_aes256_sha_etm", TLS1_VERSION, "AES256-SHA", true},
    {"tls10_3des", TLS1_VERSION, "DES-CBC3-SHA", false},
    {"tls10_null_sha", TLS1_VERSION, "NULL-SHA", false},
    {"tls10_null_md5", TLS1_VERSION, "NULL-MD5", false},
    {"tls11_aes128_sha", TLS1_1_VERSION, "AES128-SHA", false},
    {"tls11_aes256_sha_etm", TLS1_1_VERSION, "AES256-SHA", true},
    {"tls12_aes128_sha", TLS1_2_VERSION, "AES128-SHA", false},
    {"tls12_aes256_sha_etm", TLS1_2_VERSION, "AES256-SHA", true},
    {"tls12_aes128_sha256", TLS1_2_VERSION, "AES128-SHA256", false},
    {"tls12_aes256_sha256_etm", TLS1_2_VERSION, "AES256-SHA256", true},
    {"tls12_ecdhe_aes256_sha384", TLS1_2_VERSION, "ECDHE-RSA-AES256-SHA384", false},
    {"tls12_aes128_gcm", TLS1_2_VERSION, "AES128-GCM-SHA256", false},
    {"tls12_aes256_gcm", TLS1_2_VERSION, "AES256-GCM-SHA384", false},
    {"tls12_ecdhe_aes128_gcm", TLS1_2_VERSION, "ECDHE-RSA-AES128-GCM-SHA256", false},
    {"tls12_chacha20", TLS1_2_VERSION, "ECDHE-RSA-CHACHA20-POLY1305", false},
    {"tls12_null_sha256", TLS1_2_VERSION, "NULL-SHA256", false},
    {"tls12_3des", TLS1_2_VERSION, "DES-CBC3-SHA", false},
};

INSTANTIATE_TEST_SUITE_P(Suites, OpenSslInterop, testing::ValuesIn(kCases), case_name);

}  // namespace
}  // namespace gauntlet
