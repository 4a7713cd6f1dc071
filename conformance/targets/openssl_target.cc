#include "conformance/targets/openssl_target.h"

#include <openssl/ssl.h>

#include <utility>

#include "conformance/targets/local_channel.h"
#include "engine/connection/config.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/openssl_peer/openssl_peer.h"

namespace gauntlet::conformance {

namespace {

// The session a client's latest connection holds, for its next one.
struct KeptSession {
  OpenSslPtr<SSL_SESSION, SSL_SESSION_free> session;
};

class OpenSslSut final : public LocalSut {
 public:
  OpenSslSut(OpenSslPeer peer, std::shared_ptr<KeptSession> keep)
      : peer_(std::move(peer)), keep_(std::move(keep)) {}

  Bytes exchange(ByteView in) override {
    Bytes out = peer_.exchange(in);
    const bool server = SSL_is_server(peer_.ssl()) == 1;
    // 0-RTT data is echoed once the handshake is done: a server writes
    // only then.
    unanswered_ += peer_.take_received();
    if (server && peer_.handshake_done() && !unanswered_.empty()) {
      peer_.write(std::exchange(unanswered_, {}));
    }
    if (!server && peer_.handshake_done()) {
      // A request the server took as 0-RTT data is not sent again; one it
      // refused is, in 1-RTT (RFC 8446 §4.2.10).
      if (!requested_ && SSL_get_early_data_status(peer_.ssl()) != SSL_EARLY_DATA_ACCEPTED) {
        peer_.write(std::string(kClientRequest));
      }
      requested_ = true;
      keep_->session.reset(SSL_get1_session(peer_.ssl()));
    }
    // close_notify answered as an application would (RFC 5246 §7.2.1).
    if ((SSL_get_shutdown(peer_.ssl()) & SSL_RECEIVED_SHUTDOWN) && !shut_) {
      shut_ = true;
      SSL_shutdown(peer_.ssl());
    }
    const Bytes more = peer_.exchange({});
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }
  bool closed() const override { return peer_.failed() || shut_; }
  SutView view() const override {
    SutView v;
    SSL* ssl = peer_.ssl();
    v.handshake_done = peer_.handshake_done();
    v.version = static_cast<ProtocolVersion>(SSL_version(ssl));
    if (const SSL_CIPHER* c = SSL_get_current_cipher(ssl)) {
      v.suite = static_cast<CipherSuite>(SSL_CIPHER_get_protocol_id(c));
    }
    v.client_random.resize(SSL3_RANDOM_SIZE);
    v.server_random.resize(SSL3_RANDOM_SIZE);
    SSL_get_client_random(ssl, v.client_random.data(), v.client_random.size());
    SSL_get_server_random(ssl, v.server_random.data(), v.server_random.size());
    if (v.handshake_done && v.version == ProtocolVersion::tls13) {
      v.exported.resize(kAgreementLength);
      if (SSL_export_keying_material(ssl, v.exported.data(), v.exported.size(),
                                     kAgreementLabel.data(), kAgreementLabel.size(), nullptr, 0,
                                     0) != 1) {
        v.exported.clear();
      }
    } else if (SSL_SESSION* s = SSL_get_session(ssl)) {
      v.master_secret.resize(SSL_MAX_MASTER_KEY_LENGTH);
      v.master_secret.resize(SSL_SESSION_get_master_key(s, v.master_secret.data(),
                                                        v.master_secret.size()));
    }
    return v;
  }

 private:
  OpenSslPeer peer_;
  std::shared_ptr<KeptSession> keep_;
  bool requested_ = false;
  bool shut_ = false;
  std::string unanswered_;
};

class OpenSslInstance final : public SutInstance {
 public:
  explicit OpenSslInstance(OpenSslPeer prototype) : prototype_(std::move(prototype)) {}

  Result<std::unique_ptr<Channel>> next_connection(net::Deadline, PreviousConnection) override {
    // Each connection is a new SSL on the prototype's SSL_CTX, which holds
    // the server's session cache; a client offers its last session.
    auto sut = std::make_unique<OpenSslSut>(prototype_.next_connection(keep_->session.get()), keep_);
    return std::unique_ptr<Channel>(std::make_unique<LocalChannel>(std::move(sut)));
  }

 private:
  OpenSslPeer prototype_;  // never driven; it carries the SSL_CTX
  std::shared_ptr<KeptSession> keep_ = std::make_shared<KeptSession>();
};

}  // namespace

std::set<CipherSuite> libssl_suites() {
  OpenSslPtr<SSL_CTX, SSL_CTX_free> ctx(SSL_CTX_new(TLS_method()));
  SSL_CTX_set_security_level(ctx.get(), 0);
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx.get(), TLS1_3_VERSION);
  std::set<CipherSuite> out;
  if (SSL_CTX_set_cipher_list(ctx.get(), kOpenSslAllCiphers) != 1 ||
      SSL_CTX_set_ciphersuites(ctx.get(), kOpenSslTls13Suites) != 1) {
    return out;
  }
  const STACK_OF(SSL_CIPHER)* list = SSL_CTX_get_ciphers(ctx.get());
  for (int i = 0; i < sk_SSL_CIPHER_num(list); ++i) {
    out.insert(static_cast<CipherSuite>(SSL_CIPHER_get_protocol_id(sk_SSL_CIPHER_value(list, i))));
  }
  return out;
}

PeerSetup libssl_setup() {
  return parse_setup("heartbeat=off,record_size_limit=off", "libssl 3").value();
}

std::optional<std::string> OpenSslTarget::cannot_run(const Case& c) const {
  if (c.needs_ssl2()) return "OpenSSL 3 does not speak SSL 2.0 (removed in 1.1.0)";
  if (c.version == ProtocolVersion::ssl3) return "Debian's OpenSSL 3 has no SSL 3.0";
  if (!c.ssl2_kind && !suites_.contains(c.suite)) return "this OpenSSL has no " + openssl_name(c.suite);
  return lacks(*c.scenario, setup_);
}

Result<std::unique_ptr<SutInstance>> OpenSslTarget::start(const Case& c, net::Deadline) const {
  const SutSettings& sut = c.scenario->sut;
  OpenSslOptions o;
  o.cipher_list = kOpenSslAllCiphers;
  o.ciphersuites = kOpenSslTls13Suites;
  // TLS 1.0 to 1.2 as the expectations were measured; a TLS 1.3 case gets
  // libssl as it ships, up to TLS 1.3.
  if (c.version == ProtocolVersion::tls13) o.max_version = TLS1_3_VERSION;
  o.tickets = sut.tickets;
  o.stateless = sut.hello_retry;
  o.no_renegotiation = sut.renegotiation == RenegotiationPolicy::refuse;
  o.allow_client_renegotiation = sut.renegotiation != RenegotiationPolicy::refuse;
  o.ca_file = pki_.root();
  const bool sut_is_server = c.scenario->scripted == Role::client;
  if (sut_is_server) {
    const std::string id = identity_for(c.suite);
    o.chain_file = pki_.chain(id);
    o.key_file = pki_.key(id);
    if (sut.client_auth == ClientAuth::none) o.ca_file.clear();
    o.require_peer_certificate = sut.client_auth == ClientAuth::required;
  } else {
    o.chain_file = pki_.chain("client-rsa");
    o.key_file = pki_.key("client-rsa");
    o.server_name = "localhost";
    o.check_hostname = true;
  }
  if (sut.early_data && sut_is_server) o.max_early_data = kSutMaxEarlyData;
  if (sut.early_data && !sut_is_server) o.early_data = std::string(kClientRequest);
  OpenSslPeer prototype = sut_is_server ? OpenSslPeer::server(o) : OpenSslPeer::client(o);
  if (!prototype.ok()) return internal_error("OpenSSL refused the configuration for " + c.id());
  return std::unique_ptr<SutInstance>(std::make_unique<OpenSslInstance>(std::move(prototype)));
}

}  // namespace gauntlet::conformance
