// Test support: a real OpenSSL client and server in process, over memory
// BIOs, with everything each side sent on the wire and the client's NSS key
// log. Shared by every test that checks our code against libssl.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <openssl/ssl.h>

#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/record/record_header.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet::test_support {

using SslCtxPtr = OpenSslPtr<SSL_CTX, SSL_CTX_free>;
using SslPtr = OpenSslPtr<SSL, SSL_free>;

enum class Direction { client_to_server, server_to_client };

struct Flight {
  Direction direction;
  Bytes bytes;
};

Bytes from_hex(std::string_view hex);
Bytes drain(BIO* bio);
// The record stream of one direction, split into records.
std::vector<Record> records(ByteView stream);
// The first handshake record after ChangeCipherSpec: the encrypted Finished.
const Record* encrypted_finished(const std::vector<Record>& rs);

class OpenSslPair {
 public:
  OpenSslPair();
  OpenSslPair(const OpenSslPair&) = delete;
  OpenSslPair& operator=(const OpenSslPair&) = delete;

  SSL_CTX* server_ctx() { return server_ctx_.get(); }
  SSL_CTX* client_ctx() { return client_ctx_.get(); }
  SSL* server() { return server_.get(); }
  SSL* client() { return client_.get(); }

  void restrict_version(int version);
  void set_options(uint64_t options);
  // False when OpenSSL refuses the list (it lacks the suite).
  bool set_cipher_list(const std::string& list);
  // The TLS 1.3 suites both sides offer; false when OpenSSL refuses the list.
  bool set_ciphersuites(const std::string& list);
  // The server's certificate chain and key (PEM files). Without it the server
  // uses a generated RSA-2048 key and a self-signed certificate.
  bool use_server_identity(const std::string& chain_file, const std::string& key_file);

  // Runs the handshake to completion; false if it did not complete.
  bool handshake();

  // Everything sent during the handshake, in the order it was sent.
  const std::vector<Flight>& flights() const { return flights_; }
  Bytes sent(Direction d) const;
  // The secret of the client's key-log line "<label> <client_random> <secret>".
  Bytes logged_secret(std::string_view label) const;
  const std::vector<std::string>& keylog_lines() const { return keylog_; }
  const CipherSuiteInfo* suite() const;

  // What the server sends for one SSL_write, as records.
  std::vector<Record> server_writes(std::string_view text);
  // What the server's SSL_read makes of these bytes; empty on failure.
  std::string server_reads(ByteView wire);
  // Bytes the server has written since the last call (alerts, say).
  Bytes server_output() { return drain(s_out_); }

 private:
  static void keylog(const SSL* ssl, const char* line);

  SslCtxPtr server_ctx_, client_ctx_;
  SslPtr server_, client_;
  BIO *c_in_ = nullptr, *c_out_ = nullptr, *s_in_ = nullptr, *s_out_ = nullptr;  // owned by SSLs
  bool has_identity_ = false;
  std::vector<Flight> flights_;
  std::vector<std::string> keylog_;
};

}  // namespace gauntlet::test_support
