#include "engine/openssl_peer/openssl_peer.h"

#include <openssl/err.h>

namespace gauntlet {

namespace {

bool configure(SSL_CTX* ctx, const OpenSslOptions& o) {
  // Level 0: TLS 1.0/1.1, SHA-1 signatures and small keys, as old peers use.
  SSL_CTX_set_security_level(ctx, 0);
  SSL_CTX_set_dh_auto(ctx, 1);
  SSL_CTX_set_min_proto_version(ctx, o.version ? o.version : TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx, o.version ? o.version : o.max_version);
  uint64_t options = 0;
  if (!o.tickets) options |= SSL_OP_NO_TICKET;
  if (!o.extended_master_secret) options |= SSL_OP_NO_EXTENDED_MASTER_SECRET;
  if (!o.encrypt_then_mac) options |= SSL_OP_NO_ENCRYPT_THEN_MAC;
  if (o.allow_client_renegotiation) options |= SSL_OP_ALLOW_CLIENT_RENEGOTIATION;
  if (o.no_renegotiation) options |= SSL_OP_NO_RENEGOTIATION;
  SSL_CTX_set_options(ctx, options);
  if (!o.middlebox_compat) SSL_CTX_clear_options(ctx, SSL_OP_ENABLE_MIDDLEBOX_COMPAT);
  if (!o.tickets) SSL_CTX_set_num_tickets(ctx, 0);
  if (!o.cipher_list.empty() && SSL_CTX_set_cipher_list(ctx, o.cipher_list.c_str()) != 1) {
    return false;
  }
  if (!o.ciphersuites.empty() && SSL_CTX_set_ciphersuites(ctx, o.ciphersuites.c_str()) != 1) {
    return false;
  }
  if (!o.groups.empty() && SSL_CTX_set1_groups_list(ctx, o.groups.c_str()) != 1) return false;
  if (!o.sigalgs.empty() && SSL_CTX_set1_sigalgs_list(ctx, o.sigalgs.c_str()) != 1) return false;
  if (!o.chain_file.empty()) {
    if (SSL_CTX_use_certificate_chain_file(ctx, o.chain_file.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, o.key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
      return false;
    }
  }
  if (!o.ca_file.empty()) {
    if (SSL_CTX_load_verify_locations(ctx, o.ca_file.c_str(), nullptr) != 1) return false;
    int mode = SSL_VERIFY_PEER;
    if (o.require_peer_certificate) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    SSL_CTX_set_verify(ctx, mode, nullptr);
  }
  if (o.post_handshake_auth) SSL_CTX_set_post_handshake_auth(ctx, 1);
  ERR_clear_error();
  return true;
}

int select_alpn(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
                unsigned int inlen, void* arg) {
  const auto* wanted = static_cast<const std::string*>(arg);
  for (unsigned int i = 0; i < inlen;) {
    const unsigned int n = in[i];
    if (i + 1 + n <= inlen && std::string(reinterpret_cast<const char*>(in + i + 1), n) == *wanted) {
      *out = in + i + 1;
      *outlen = static_cast<unsigned char>(n);
      return SSL_TLSEXT_ERR_OK;
    }
    i += 1 + n;
  }
  return SSL_TLSEXT_ERR_ALERT_FATAL;
}

// SSL_stateless's application part of the cookie (libssl MACs its own
// around it): one fixed byte, checked on return.
constexpr unsigned char kAppCookie = 0x67;

int generate_cookie(SSL*, unsigned char* cookie, size_t* length) {
  cookie[0] = kAppCookie;
  *length = 1;
  return 1;
}

int verify_cookie(SSL*, const unsigned char* cookie, size_t length) {
  return length == 1 && cookie[0] == kAppCookie ? 1 : 0;
}

}  // namespace

OpenSslPeer OpenSslPeer::server(const OpenSslOptions& o) {
  OpenSslPeer p;
  p.is_server_ = true;
  p.ctx_.reset(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
  if (!configure(p.ctx_.get(), o)) return p;
  if (!o.alpn.empty()) {
    // The callback's argument lives as long as any peer on the context.
    p.alpn_ = std::make_shared<std::string>(o.alpn);
    SSL_CTX_set_alpn_select_cb(p.ctx_.get(), select_alpn, p.alpn_.get());
  }
  SSL_CTX_set_session_id_context(p.ctx_.get(), reinterpret_cast<const unsigned char*>("g"), 1);
  SSL_CTX_set_max_early_data(p.ctx_.get(), o.max_early_data);
  if (o.stateless) {
    SSL_CTX_set_stateless_cookie_generate_cb(p.ctx_.get(), generate_cookie);
    SSL_CTX_set_stateless_cookie_verify_cb(p.ctx_.get(), verify_cookie);
  }
  p.stateless_ = o.stateless;
  p.attach(nullptr);
  return p;
}

OpenSslPeer OpenSslPeer::client(const OpenSslOptions& o, SSL_SESSION* resume) {
  OpenSslPeer p;
  p.ctx_.reset(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  if (!configure(p.ctx_.get(), o)) return p;
  if (!o.alpn.empty()) {
    std::string wire(1, static_cast<char>(o.alpn.size()));
    wire += o.alpn;
    SSL_CTX_set_alpn_protos(p.ctx_.get(), reinterpret_cast<const unsigned char*>(wire.data()),
                            static_cast<unsigned int>(wire.size()));
  }
  p.server_name_ = o.server_name;
  p.check_hostname_ = o.check_hostname;
  p.early_data_ = o.early_data;
  p.attach(resume);
  return p;
}

OpenSslPeer OpenSslPeer::next_connection(SSL_SESSION* resume) const {
  OpenSslPeer p;
  p.ctx_ = ctx_;
  p.alpn_ = alpn_;
  p.is_server_ = is_server_;
  p.server_name_ = server_name_;
  p.check_hostname_ = check_hostname_;
  p.early_data_ = early_data_;
  p.stateless_ = stateless_;
  p.attach(resume);
  return p;
}

void OpenSslPeer::attach(SSL_SESSION* resume) {
  ssl_.reset(SSL_new(ctx_.get()));
  in_ = BIO_new(BIO_s_mem());
  out_ = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl_.get(), in_, out_);
  if (is_server_) {
    SSL_set_accept_state(ssl_.get());
    reading_early_data_ = SSL_get_max_early_data(ssl_.get()) > 0;
    awaiting_cookie_ = stateless_;
  } else {
    if (!server_name_.empty()) SSL_set_tlsext_host_name(ssl_.get(), server_name_.c_str());
    if (check_hostname_) SSL_set1_host(ssl_.get(), server_name_.c_str());
    if (resume) SSL_set_session(ssl_.get(), resume);
    SSL_set_connect_state(ssl_.get());
    if (resume && !early_data_.empty() && SSL_SESSION_get_max_early_data(resume) > 0) {
      size_t written = 0;
      SSL_write_early_data(ssl_.get(), early_data_.data(), early_data_.size(), &written);
      // No more early data: the handshake goes on, with EndOfEarlyData
      // once the server took it (SSL_read alone would wait at that point).
      SSL_do_handshake(ssl_.get());
    }
  }
  ok_ = true;
  if (!is_server_) drive();
}

bool OpenSslPeer::read_early_data() {
  char buf[16384];
  for (;;) {
    size_t n = 0;
    const int r = SSL_read_early_data(ssl_.get(), buf, sizeof buf, &n);
    if (r == SSL_READ_EARLY_DATA_SUCCESS) {
      received_.append(buf, n);
    } else if (r == SSL_READ_EARLY_DATA_FINISH) {
      reading_early_data_ = false;
      return true;
    } else {
      const int err = SSL_get_error(ssl_.get(), 0);
      if (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL) failed_ = true;
      return false;
    }
  }
}

bool OpenSslPeer::read_stateless_hello() {
  // 1: a valid cookie came and the handshake goes on; 0: a
  // HelloRetryRequest went out; below 0: more bytes needed, or a failure.
  const int r = SSL_stateless(ssl_.get());
  if (r == 1) {
    awaiting_cookie_ = false;
    return true;
  }
  if (r < 0) {
    const int err = SSL_get_error(ssl_.get(), r);
    if (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL) failed_ = true;
  }
  return false;
}

void OpenSslPeer::drive() {
  if (awaiting_cookie_ && !read_stateless_hello()) {
    ERR_clear_error();
    return;
  }
  if (reading_early_data_ && !read_early_data()) {
    ERR_clear_error();
    return;
  }
  char buf[16384];
  for (;;) {
    const int n = SSL_read(ssl_.get(), buf, sizeof buf);
    if (n > 0) {
      received_.append(buf, static_cast<size_t>(n));
      continue;
    }
    const int err = SSL_get_error(ssl_.get(), n);
    if (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL) failed_ = true;
    break;
  }
  ERR_clear_error();
}

Bytes OpenSslPeer::exchange(ByteView in) {
  if (!in.empty()) BIO_write(in_, in.data(), static_cast<int>(in.size()));
  drive();
  Bytes out(static_cast<size_t>(BIO_ctrl_pending(out_)));
  if (!out.empty()) BIO_read(out_, out.data(), static_cast<int>(out.size()));
  return out;
}

void OpenSslPeer::write(const std::string& text) {
  SSL_write(ssl_.get(), text.data(), static_cast<int>(text.size()));
}

bool pump(Connection& ours, OpenSslPeer& theirs) {
  for (int round = 0; round < 64; ++round) {
    const Bytes to_them = ours.take_output();
    const Bytes to_us = theirs.exchange(to_them);
    if (to_us.empty() && to_them.empty()) return true;
    if (!to_us.empty()) (void)ours.receive(to_us);
  }
  return false;
}

}  // namespace gauntlet
