// One real OpenSSL endpoint (libssl over memory BIOs) facing a sans-IO
// Connection of ours, with a pump that carries bytes between them: the
// conformance runner's in-process "openssl" target, and the engine's interop
// tests.
#pragma once

#include <openssl/ssl.h>

#include <memory>
#include <string>
#include <utility>

#include "engine/connection/connection.h"
#include "engine/crypto/openssl_ptr.h"

namespace gauntlet {

struct OpenSslOptions {
  int version = 0;           // TLS1_2_VERSION etc.; 0: TLS 1.0 to max_version
  int max_version = TLS1_2_VERSION;  // the ceiling when no version is pinned
  std::string cipher_list;   // OpenSSL names; empty: OpenSSL's default at level 0
  std::string ciphersuites;  // TLS 1.3 suites (SSL_CTX_set_ciphersuites); empty: default
  std::string groups;        // "X25519:P-256"; empty: OpenSSL's default
  std::string sigalgs;       // "ed25519:rsa_pss_pss_sha256"; empty: OpenSSL's default
  bool middlebox_compat = true;  // SSL_OP_ENABLE_MIDDLEBOX_COMPAT
  std::string chain_file;    // server identity, or a client certificate
  std::string key_file;
  std::string ca_file;       // verify the peer against this
  bool require_peer_certificate = false;
  // Client: offer post_handshake_auth (SSL_CTX_set_post_handshake_auth).
  bool post_handshake_auth = false;
  bool tickets = true;  // off: no TLS 1.3 NewSessionTicket either
  bool extended_master_secret = true;
  bool encrypt_then_mac = true;
  bool allow_client_renegotiation = false;
  bool no_renegotiation = false;  // SSL_OP_NO_RENEGOTIATION, either role
  bool check_hostname = false;    // client: the chain must name server_name
  std::string alpn;          // one protocol
  std::string server_name;   // client: SNI
  // TLS 1.3 0-RTT (RFC 8446 §2.3). Server: its tickets allow this much
  // early data, which it reads (SSL_read_early_data) into received(); 0:
  // none, and any that comes is refused. Client: sent as early data
  // (SSL_write_early_data) when resuming a session that allows it.
  uint32_t max_early_data = 0;
  std::string early_data;
  // Server: SSL_stateless until a ClientHello brings a valid cookie, so
  // every first ClientHello gets a HelloRetryRequest with one (RFC 8446
  // §4.2.2).
  bool stateless = false;
};

class OpenSslPeer {
 public:
  static OpenSslPeer server(const OpenSslOptions& o);
  static OpenSslPeer client(const OpenSslOptions& o, SSL_SESSION* resume = nullptr);
  // A new connection on the same SSL_CTX, so it shares the session cache.
  OpenSslPeer next_connection(SSL_SESSION* resume = nullptr) const;

  SSL* ssl() const { return ssl_.get(); }
  // False when OpenSSL refused the options (a cipher it lacks, say).
  bool ok() const { return ok_; }

  // Bytes from our side in; OpenSSL's answer out. Drives the handshake and
  // collects any application data into received().
  Bytes exchange(ByteView in);
  bool handshake_done() const { return SSL_is_init_finished(ssl_.get()) == 1; }
  const std::string& received() const { return received_; }
  // Application data that arrived since the last call.
  std::string take_received() { return std::exchange(received_, {}); }
  void write(const std::string& text);
  // The alert OpenSSL sent or failed with, from the last exchange.
  bool failed() const { return failed_; }

 private:
  OpenSslPeer() = default;
  void drive();
  // Server: false while early data may still come (more bytes needed).
  bool read_early_data();
  // Server: false until a ClientHello with a valid cookie has come.
  bool read_stateless_hello();
  void attach(SSL_SESSION* resume);

  std::shared_ptr<SSL_CTX> ctx_;
  std::shared_ptr<std::string> alpn_;  // server: the protocol to select
  bool is_server_ = false;
  std::string server_name_;  // client: SNI
  bool check_hostname_ = false;
  std::string early_data_;  // client: to send with a resumption
  bool reading_early_data_ = false;  // server: until SSL_read_early_data is done
  bool stateless_ = false;        // server: OpenSslOptions::stateless
  bool awaiting_cookie_ = false;  // server: until SSL_stateless took a cookie
  OpenSslPtr<SSL, SSL_free> ssl_;
  BIO* in_ = nullptr;   // owned by ssl_
  BIO* out_ = nullptr;  // owned by ssl_
  bool ok_ = false;
  bool failed_ = false;
  std::string received_;
};

// Carries bytes both ways until both fall silent; false if it never does.
bool pump(Connection& ours, OpenSslPeer& theirs);

}  // namespace gauntlet
