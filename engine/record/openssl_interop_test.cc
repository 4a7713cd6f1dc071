// Our record layer against real OpenSSL: an in-process libssl client and
// server handshake over memory BIOs pumped by hand; a key-log callback hands
// us the secrets. We derive the keys ourselves (TLS PRF + key block; for
// TLS 1.3 HKDF-Expand-Label from the traffic secrets), open OpenSSL's
// encrypted records with our layer, and have OpenSSL read records we sealed.
#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

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

namespace gauntlet {
namespace {

using SslCtxPtr = OpenSslPtr<SSL_CTX, SSL_CTX_free>;
using SslPtr = OpenSslPtr<SSL, SSL_free>;

struct Identity {
  EvpPkeyPtr key;
  X509Ptr cert;
};

// One RSA key and self-signed certificate for every case (RSA keygen is slow).
const Identity& identity() {
  static const Identity id = [] {
    Identity made{EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048})),
                  X509Ptr(X509_new())};
    X509* cert = made.cert.get();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, made.key.get());
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509_sign(cert, made.key.get(), EVP_sha256());
    return made;
  }();
  return id;
}

std::vector<std::string> g_keylog;
void keylog(const SSL*, const char* line) { g_keylog.emplace_back(line); }

Bytes from_hex(std::string_view s) {
  Bytes out;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(s.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// The secret of the key-log line "<label> <client_random> <secret>".
Bytes logged_secret(std::string_view label) {
  const std::string prefix = std::string(label) + " ";
  for (const std::string& line : g_keylog) {
    if (line.rfind(prefix, 0) == 0) return from_hex(line.substr(prefix.size() + 64 + 1));
  }
  ADD_FAILURE() << "no key-log line " << label;
  return {};
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

// An OpenSSL client and server over memory BIOs, and everything each sent
// during the handshake.
struct Connection {
  SslCtxPtr server_ctx{SSL_CTX_new(TLS_server_method())};
  SslCtxPtr client_ctx{SSL_CTX_new(TLS_client_method())};
  SslPtr server, client;
  BIO *c_in = nullptr, *c_out = nullptr, *s_in = nullptr, *s_out = nullptr;  // owned by the SSLs
  Bytes c2s, s2c;

  void restrict_version(int version) {
    for (SSL_CTX* ctx : {server_ctx.get(), client_ctx.get()}) {
      SSL_CTX_set_min_proto_version(ctx, version);
      SSL_CTX_set_max_proto_version(ctx, version);
    }
  }

  // Pumps the handshake; true once both sides are done.
  bool handshake() {
    SSL_CTX_use_certificate(server_ctx.get(), identity().cert.get());
    SSL_CTX_use_PrivateKey(server_ctx.get(), identity().key.get());
    SSL_CTX_set_keylog_callback(client_ctx.get(), keylog);
    g_keylog.clear();
    server.reset(SSL_new(server_ctx.get()));
    client.reset(SSL_new(client_ctx.get()));
    c_in = BIO_new(BIO_s_mem());
    c_out = BIO_new(BIO_s_mem());
    s_in = BIO_new(BIO_s_mem());
    s_out = BIO_new(BIO_s_mem());
    SSL_set_bio(client.get(), c_in, c_out);
    SSL_set_bio(server.get(), s_in, s_out);
    SSL_set_connect_state(client.get());
    SSL_set_accept_state(server.get());
    for (int round = 0; round < 20; ++round) {
      const int cr = SSL_do_handshake(client.get());
      const Bytes from_client = drain(c_out);
      c2s.insert(c2s.end(), from_client.begin(), from_client.end());
      to_server(from_client);
      const int sr = SSL_do_handshake(server.get());
      const Bytes from_server = drain(s_out);
      s2c.insert(s2c.end(), from_server.begin(), from_server.end());
      BIO_write(c_in, from_server.data(), static_cast<int>(from_server.size()));
      if (cr == 1 && sr == 1) return true;
    }
    ERR_clear_error();
    return false;
  }

  void to_server(ByteView wire) { BIO_write(s_in, wire.data(), static_cast<int>(wire.size())); }

  const CipherSuiteInfo* suite() const {
    const auto id = static_cast<uint16_t>(SSL_CIPHER_get_id(SSL_get_current_cipher(client.get())));
    return cipher_suite_info(static_cast<CipherSuite>(id));
  }

  // What the server sends for one SSL_write, as records.
  std::vector<Record> server_writes(std::string_view text) {
    EXPECT_EQ(SSL_write(server.get(), text.data(), static_cast<int>(text.size())),
              static_cast<int>(text.size()));
    return records(drain(s_out));
  }

  // What the server's SSL_read makes of these bytes; empty on failure.
  std::string server_reads(ByteView wire) {
    to_server(wire);
    char buf[512];
    const int n = SSL_read(server.get(), buf, sizeof buf);
    if (n <= 0) {
      ERR_clear_error();
      return {};
    }
    return std::string(buf, static_cast<size_t>(n));
  }
};

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
  Connection conn;
  conn.restrict_version(c.version);
  for (SSL_CTX* ctx : {conn.server_ctx.get(), conn.client_ctx.get()}) {
    SSL_CTX_set_options(ctx,
                        SSL_OP_NO_TICKET | (c.encrypt_then_mac ? 0 : SSL_OP_NO_ENCRYPT_THEN_MAC));
    const std::string list = std::string(c.openssl_suite) + ":@SECLEVEL=0";
    if (SSL_CTX_set_cipher_list(ctx, list.c_str()) != 1) {
      ERR_clear_error();
      GTEST_SKIP() << "this OpenSSL does not offer " << c.openssl_suite;
    }
  }
  ASSERT_TRUE(conn.handshake()) << c.openssl_suite << " handshake failed";

  // Keys from the master secret, by our PRF (RFC 5246 §6.3).
  const Bytes master = logged_secret("CLIENT_RANDOM");
  Bytes client_random(32), server_random(32);
  SSL_get_client_random(conn.client.get(), client_random.data(), 32);
  SSL_get_server_random(conn.client.get(), server_random.data(), 32);
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
  const auto c_records = records(conn.c2s), s_records = records(conn.s2c);
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
  EXPECT_FALSE(drain(conn.s_out).empty()) << "OpenSSL sends an alert";
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
  Connection conn;
  conn.restrict_version(TLS1_3_VERSION);
  for (SSL_CTX* ctx : {conn.server_ctx.get(), conn.client_ctx.get()}) {
    ASSERT_EQ(SSL_CTX_set_ciphersuites(ctx, GetParam().openssl_suite), 1);
  }
  SSL_CTX_set_num_tickets(conn.server_ctx.get(), 0);  // no post-handshake records
  ASSERT_TRUE(conn.handshake());
  const CipherSuiteInfo* suite = conn.suite();
  ASSERT_NE(suite, nullptr);

  auto make = [&](std::string_view secret_label, CipherDirection dir) {
    const Bytes secret = logged_secret(secret_label);
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
  for (const Record& r : records(conn.s2c)) {
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
  for (const Record& r : records(conn.c2s)) {
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
