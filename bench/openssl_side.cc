#include "bench/openssl_side.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/pki.h"
#include "engine/crypto/openssl_ptr.h"

namespace gauntlet::bench {
namespace {

using SslCtxPtr = OpenSslPtr<SSL_CTX, SSL_CTX_free>;
using SslPtr = OpenSslPtr<SSL, SSL_free>;
using SslSessionPtr = OpenSslPtr<SSL_SESSION, SSL_SESSION_free>;

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "bench: %s: %s\n", why.c_str(), openssl_error_string().c_str());
  std::exit(1);
}

class OpenSslEndpoint final : public Endpoint {
 public:
  OpenSslEndpoint(SSL_CTX* ctx, bool server) : ssl_(SSL_new(ctx)) {
    if (!ssl_) die("SSL_new");
    in_ = BIO_new(BIO_s_mem());
    out_ = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl_.get(), in_, out_);
    if (server) SSL_set_accept_state(ssl_.get());
  }
  // OpenSSL marks the session of a connection freed without a shutdown as
  // not resumable; the benchmark's connections end cleanly, only silently.
  ~OpenSslEndpoint() override {
    SSL_set_shutdown(ssl_.get(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
  }
  // A client is set up by its side before its first flight.
  void start_client() {
    SSL_set_connect_state(ssl_.get());
    advance();
  }
  SSL* ssl() const { return ssl_.get(); }

  void receive(ByteView in) override {
    BIO_write(in_, in.data(), static_cast<int>(in.size()));
    if (!SSL_is_init_finished(ssl_.get())) advance();
  }
  Bytes take_output() override {
    Bytes out(static_cast<size_t>(BIO_ctrl_pending(out_)));
    if (!out.empty()) BIO_read(out_, out.data(), static_cast<int>(out.size()));
    return out;
  }
  bool established() const override { return SSL_is_init_finished(ssl_.get()) == 1; }
  bool failed() const override { return failed_; }
  bool resumed() const override { return SSL_session_reused(ssl_.get()) == 1; }
  void write(ByteView data) override {
    if (SSL_write(ssl_.get(), data.data(), static_cast<int>(data.size())) <= 0) failed_ = true;
  }
  size_t drain_application_data() override {
    // One record's plaintext at most; outside the endpoint so that it is not
    // counted as a connection's memory.
    static thread_local std::array<unsigned char, 16384> buffer;
    size_t total = 0;
    for (;;) {
      const int n = SSL_read(ssl_.get(), buffer.data(), static_cast<int>(buffer.size()));
      if (n <= 0) break;
      total += static_cast<size_t>(n);
    }
    ERR_clear_error();
    return total;
  }

 private:
  void advance() {
    const int r = SSL_do_handshake(ssl_.get());
    if (r <= 0 && SSL_get_error(ssl_.get(), r) != SSL_ERROR_WANT_READ) failed_ = true;
    ERR_clear_error();
  }

  SslPtr ssl_;
  BIO* in_ = nullptr;   // owned by ssl_
  BIO* out_ = nullptr;  // owned by ssl_
  bool failed_ = false;
};

SslCtxPtr base_ctx(const SSL_METHOD* method, const Scenario& s) {
  SslCtxPtr ctx(SSL_CTX_new(method));
  if (!ctx) die("SSL_CTX_new");
  SSL_CTX_set_security_level(ctx.get(), 1);
  const int v = s.version == Version::tls13 ? TLS1_3_VERSION : TLS1_2_VERSION;
  SSL_CTX_set_min_proto_version(ctx.get(), v);
  SSL_CTX_set_max_proto_version(ctx.get(), v);
  if (s.version == Version::tls13) {
    if (SSL_CTX_set_ciphersuites(ctx.get(), s.suite.c_str()) != 1 ||
        SSL_CTX_set1_groups_list(ctx.get(), "X25519") != 1) {
      die("suite or group " + s.suite);
    }
  } else if (SSL_CTX_set_cipher_list(ctx.get(), s.suite.c_str()) != 1) {
    die("cipher " + s.suite);
  }
  if (s.resumption == Resumption::ticket) {
    SSL_CTX_set_num_tickets(ctx.get(), kTls13Tickets);
  } else {
    SSL_CTX_set_options(ctx.get(), SSL_OP_NO_TICKET);
    // In TLS 1.3 SSL_OP_NO_TICKET still sends stateful tickets; ours sends
    // none without ticket keys.
    SSL_CTX_set_num_tickets(ctx.get(), 0);
  }
  return ctx;
}

class OpenSslServer final : public Side {
 public:
  explicit OpenSslServer(const Scenario& s) : ctx_(base_ctx(TLS_server_method(), s)) {
    const bool rsa = s.key == ServerKey::rsa;
    if (SSL_CTX_use_certificate_chain_file(ctx_.get(), rsa ? kServerChain : kEcdsaServerChain) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx_.get(), rsa ? kServerKey : kEcdsaServerKey,
                                    SSL_FILETYPE_PEM) != 1) {
      die("server identity");
    }
    SSL_CTX_set_session_id_context(ctx_.get(), reinterpret_cast<const unsigned char*>("b"), 1);
    SSL_CTX_set_session_cache_mode(ctx_.get(),
                                   s.session_cache ? SSL_SESS_CACHE_SERVER : SSL_SESS_CACHE_OFF);
  }
  std::unique_ptr<Endpoint> connect() override {
    return std::make_unique<OpenSslEndpoint>(ctx_.get(), true);
  }

 private:
  SslCtxPtr ctx_;
};

class OpenSslClient final : public Side {
 public:
  explicit OpenSslClient(const Scenario& s) : ctx_(base_ctx(TLS_client_method(), s)) {
    if (SSL_CTX_load_verify_locations(ctx_.get(), kRootCa, nullptr) != 1) die("root CA");
    SSL_CTX_set_verify(ctx_.get(), SSL_VERIFY_PEER, nullptr);
  }
  std::unique_ptr<Endpoint> connect() override {
    auto e = std::make_unique<OpenSslEndpoint>(ctx_.get(), false);
    SSL_set_tlsext_host_name(e->ssl(), kServerName);
    SSL_set1_host(e->ssl(), kServerName);
    if (session_) SSL_set_session(e->ssl(), session_.get());
    e->start_client();
    return e;
  }
  void keep_session(const Endpoint& e) override {
    session_.reset(SSL_get1_session(static_cast<const OpenSslEndpoint&>(e).ssl()));
  }

 private:
  SslCtxPtr ctx_;
  SslSessionPtr session_;
};

}  // namespace

std::unique_ptr<Side> openssl_server(const Scenario& s) {
  return std::make_unique<OpenSslServer>(s);
}
std::unique_ptr<Side> openssl_client(const Scenario& s) {
  return std::make_unique<OpenSslClient>(s);
}

}  // namespace gauntlet::bench
