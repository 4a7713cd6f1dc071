#include "engine/testing/openssl_pair.h"

#include <gtest/gtest.h>

#include <openssl/err.h>
#include <openssl/x509.h>

namespace gauntlet::test_support {
namespace {

struct Identity {
  EvpPkeyPtr key;
  X509Ptr cert;
};

// One generated RSA key and self-signed certificate per process: RSA keygen
// is slow.
const Identity& generated_identity() {
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

}  // namespace

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

const Record* encrypted_finished(const std::vector<Record>& rs) {
  bool after_ccs = false;
  for (const Record& r : rs) {
    if (r.type == ContentType::change_cipher_spec) after_ccs = true;
    if (after_ccs && r.type == ContentType::handshake) return &r;
  }
  return nullptr;
}

OpenSslPair::OpenSslPair()
    : server_ctx_(SSL_CTX_new(TLS_server_method())), client_ctx_(SSL_CTX_new(TLS_client_method())) {
  SSL_CTX_set_app_data(client_ctx_.get(), this);
  SSL_CTX_set_keylog_callback(client_ctx_.get(), keylog);
}

void OpenSslPair::keylog(const SSL* ssl, const char* line) {
  auto* self = static_cast<OpenSslPair*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
  self->keylog_.emplace_back(line);
}

void OpenSslPair::restrict_version(int version) {
  for (SSL_CTX* ctx : {server_ctx_.get(), client_ctx_.get()}) {
    SSL_CTX_set_min_proto_version(ctx, version);
    SSL_CTX_set_max_proto_version(ctx, version);
  }
}

void OpenSslPair::set_options(uint64_t options) {
  SSL_CTX_set_options(server_ctx_.get(), options);
  SSL_CTX_set_options(client_ctx_.get(), options);
}

bool OpenSslPair::set_cipher_list(const std::string& list) {
  const bool ok = SSL_CTX_set_cipher_list(server_ctx_.get(), list.c_str()) == 1 &&
                  SSL_CTX_set_cipher_list(client_ctx_.get(), list.c_str()) == 1;
  ERR_clear_error();
  return ok;
}

bool OpenSslPair::set_ciphersuites(const std::string& list) {
  return SSL_CTX_set_ciphersuites(server_ctx_.get(), list.c_str()) == 1 &&
         SSL_CTX_set_ciphersuites(client_ctx_.get(), list.c_str()) == 1;
}

bool OpenSslPair::use_server_identity(const std::string& chain_file, const std::string& key_file) {
  has_identity_ = SSL_CTX_use_certificate_chain_file(server_ctx_.get(), chain_file.c_str()) == 1 &&
                  SSL_CTX_use_PrivateKey_file(server_ctx_.get(), key_file.c_str(),
                                              SSL_FILETYPE_PEM) == 1;
  return has_identity_;
}

bool OpenSslPair::handshake() {
  if (!has_identity_) {
    SSL_CTX_use_certificate(server_ctx_.get(), generated_identity().cert.get());
    SSL_CTX_use_PrivateKey(server_ctx_.get(), generated_identity().key.get());
  }
  keylog_.clear();
  flights_.clear();
  server_.reset(SSL_new(server_ctx_.get()));
  client_.reset(SSL_new(client_ctx_.get()));
  c_in_ = BIO_new(BIO_s_mem());
  c_out_ = BIO_new(BIO_s_mem());
  s_in_ = BIO_new(BIO_s_mem());
  s_out_ = BIO_new(BIO_s_mem());
  SSL_set_bio(client_.get(), c_in_, c_out_);
  SSL_set_bio(server_.get(), s_in_, s_out_);
  SSL_set_connect_state(client_.get());
  SSL_set_accept_state(server_.get());
  for (int round = 0; round < 20; ++round) {
    const int cr = SSL_do_handshake(client_.get());
    Bytes from_client = drain(c_out_);
    BIO_write(s_in_, from_client.data(), static_cast<int>(from_client.size()));
    if (!from_client.empty()) flights_.push_back({Direction::client_to_server, std::move(from_client)});
    const int sr = SSL_do_handshake(server_.get());
    Bytes from_server = drain(s_out_);
    BIO_write(c_in_, from_server.data(), static_cast<int>(from_server.size()));
    if (!from_server.empty()) flights_.push_back({Direction::server_to_client, std::move(from_server)});
    if (cr == 1 && sr == 1) return true;
  }
  ERR_clear_error();
  return false;
}

Bytes OpenSslPair::sent(Direction d) const {
  Bytes out;
  for (const Flight& f : flights_)
    if (f.direction == d) out.insert(out.end(), f.bytes.begin(), f.bytes.end());
  return out;
}

Bytes OpenSslPair::logged_secret(std::string_view label) const {
  const std::string prefix = std::string(label) + " ";
  for (const std::string& line : keylog_) {
    if (line.rfind(prefix, 0) == 0) return from_hex(line.substr(prefix.size() + 64 + 1));
  }
  ADD_FAILURE() << "no key-log line " << label;
  return {};
}

const CipherSuiteInfo* OpenSslPair::suite() const {
  const auto id = static_cast<uint16_t>(SSL_CIPHER_get_id(SSL_get_current_cipher(client_.get())));
  return cipher_suite_info(static_cast<CipherSuite>(id));
}

std::vector<Record> OpenSslPair::server_writes(std::string_view text) {
  EXPECT_EQ(SSL_write(server_.get(), text.data(), static_cast<int>(text.size())),
            static_cast<int>(text.size()));
  return records(drain(s_out_));
}

std::string OpenSslPair::server_reads(ByteView wire) {
  BIO_write(s_in_, wire.data(), static_cast<int>(wire.size()));
  char buf[512];
  const int n = SSL_read(server_.get(), buf, sizeof buf);
  if (n <= 0) {
    ERR_clear_error();
    return {};
  }
  return std::string(buf, static_cast<size_t>(n));
}

}  // namespace gauntlet::test_support
