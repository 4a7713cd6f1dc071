#include "engine/connection/ssl2/ssl2_client.h"

#include <algorithm>

#include "engine/crypto/constant_time.h"
#include "engine/crypto/signature.h"
#include "engine/crypto/ssl2_cipher.h"
#include "engine/crypto/ssl2_rsa.h"
#include "engine/key_schedule/ssl2_key_material.h"
#include "engine/messages/ssl2/client_certificate.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/client_master_key.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/messages/ssl2/short_messages.h"

namespace gauntlet {
namespace {

constexpr size_t kChallengeSize = 16;  // what OpenSSL and NSS sent (§2.5 allows 16–32)
constexpr uint8_t kX509Certificate = 1;        // SSL_CT_X509_CERTIFICATE
constexpr uint8_t kMd5WithRsaEncryption = 1;   // SSL_AT_MD5_WITH_RSA_ENCRYPTION

bool usable(const Config& c, Ssl2CipherKind k) {
  return std::ranges::find(c.ssl2_cipher_kinds, k) != c.ssl2_cipher_kinds.end() &&
         ssl2_cipher_available(k);
}

}  // namespace

Status Ssl2ClientHandshake::act(const Ssl2OrderRow& row, Ssl2Link& l, ByteView body) {
  if (row.sender == Role::client) return (this->*row.client.write)(l);
  return (this->*row.client.handle)(l, body);
}

Status Ssl2ClientHandshake::write_client_hello(Ssl2Link& l) {
  const Config& c = l.link.config;
  Ssl2ClientHello hello{ProtocolVersion::ssl2, {}, {}, {}};
  for (const Ssl2CipherKind k : c.ssl2_cipher_kinds)
    if (ssl2_cipher_available(k)) hello.cipher_specs.push_back(k);
  if (hello.cipher_specs.empty()) return internal_error("no SSL 2.0 cipher kind to offer");
  const std::optional<Session>& s = l.link.options.session;
  if (s && s->version == ProtocolVersion::ssl2 && s->ssl2_cipher_kind && s->id.size() == 16 &&
      !s->expired(c.clock->now()) && usable(c, *s->ssl2_cipher_kind)) {
    offered_ = s;
    hello.session_id = s->id;
  }
  challenge_ = c.random->bytes(kChallengeSize);
  hello.challenge = challenge_;
  return send_message(l, hello.serialize());
}

Status Ssl2ClientHandshake::on_server_hello(Ssl2Link& l, ByteView message) {
  auto hello = Ssl2ServerHello::parse(message);
  if (!hello) return hello.error();
  if (hello->version != ProtocolVersion::ssl2) {
    return Error{AlertDescription::protocol_version, "SERVER-HELLO for another version"};
  }
  connection_id_ = hello->connection_id;
  facts_.session_id_hit = hello->session_id_hit != 0;
  if (*facts_.session_id_hit) {
    // §2.6: a hit reuses the session our CLIENT-HELLO named, nothing else.
    if (!offered_) return illegal_parameter("SESSION-ID-HIT for a session we did not offer");
    kind_ = ssl2_cipher_kind_info(*offered_->ssl2_cipher_kind);
    master_key_ = offered_->master_secret;
    key_arg_ = offered_->ssl2_key_arg;
    session_id_ = offered_->id;
    peer_chain_ = offered_->peer_certificates();
    if (!peer_chain_.empty()) server_certificate_ = peer_chain_.front().der();
    return start_ciphers(l);
  }
  if (hello->certificate_type != kX509Certificate) {
    return Error{AlertDescription::unsupported_certificate, "SERVER-HELLO certificate not X.509"};
  }
  if (auto st = certify_server(l, hello->certificate); !st) return st;
  const Config& c = l.link.config;
  if (const auto forced = c.bugs.ssl2.master_key_kind) {
    kind_ = ssl2_cipher_kind_info(*forced);
    if (!kind_ || !ssl2_cipher_available(*forced)) return internal_error("kind not available");
    return ok_status();
  }
  // Our preference among the kinds the server lists (§2.5: the client chooses).
  Ssl2CipherKind chosen{};
  bool found = false;
  for (const Ssl2CipherKind k : c.ssl2_cipher_kinds) {
    if (usable(c, k) && std::ranges::find(hello->cipher_specs, k) != hello->cipher_specs.end()) {
      chosen = k;
      found = true;
      break;
    }
  }
  if (!found) return Error{AlertDescription::handshake_failure, "no SSL 2.0 cipher kind in common"};
  kind_ = ssl2_cipher_kind_info(chosen);
  return ok_status();
}

Status Ssl2ClientHandshake::certify_server(Ssl2Link& l, ByteView certificate) {
  auto cert = Certificate::from_der(certificate);
  if (!cert) return Error{AlertDescription::bad_certificate, cert.error().reason};
  auto key = cert->public_key();
  if (!key) return key.error();
  if (key->type() != KeyType::rsa) {
    return Error{AlertDescription::unsupported_certificate, "SSL 2.0 server key is not RSA"};
  }
  const Config& c = l.link.config;
  server_certificate_.assign(certificate.begin(), certificate.end());
  peer_chain_ = {*cert};
  if (c.trust) {
    std::optional<std::string> host;
    if (c.verify_hostname && !l.link.options.server_name.empty()) host = l.link.options.server_name;
    if (auto st = verify_chain(*c.trust, peer_chain_, host, c.clock->now(), Purpose::server); !st) {
      return st;
    }
  }
  server_key_ = std::move(*key);
  return ok_status();
}

Status Ssl2ClientHandshake::write_client_master_key(Ssl2Link& l) {
  const Config& c = l.link.config;
  const Ssl2Bugs& bugs = c.bugs.ssl2;
  if (!server_key_) return internal_error("CLIENT-MASTER-KEY without the server's key");
  // The kind's clear bytes (§2.5), more only when a scenario asks.
  const size_t clear_size = std::min(kind_->clear_key_size + bugs.extra_clear_key_bytes,
                                     kind_->key_size - 1);
  master_key_ = c.random->bytes(kind_->key_size);
  key_arg_ = c.random->bytes(kind_->key_arg_size);
  const ByteView clear = ByteView(master_key_).first(clear_size);
  const ByteView secret = ByteView(master_key_).subspan(clear_size);
  // RFC 6101 E.2: a client that would also speak SSL 3.0 or later says so.
  const Ssl2RollbackGuard guard = c.max_version >= ProtocolVersion::ssl3
                                      ? Ssl2RollbackGuard::present
                                      : Ssl2RollbackGuard::absent;
  auto encrypted = rsa_encrypt_ssl2_secret(*server_key_, secret, guard, *c.random);
  if (!encrypted) return encrypted.error();
  const Ssl2ClientMasterKey cmk{kind_->kind, Bytes(clear.begin(), clear.end()),
                                std::move(*encrypted), key_arg_};
  if (auto st = send_message(l, cmk.serialize()); !st) return st;
  return start_ciphers(l);
}

Status Ssl2ClientHandshake::write_client_finished(Ssl2Link& l) {
  Ssl2ClientFinished finished{connection_id_};
  if (l.link.config.bugs.ssl2.wrong_connection_id) finished.data.front() ^= 0xff;
  return send_message(l, finished.serialize());
}

Status Ssl2ClientHandshake::on_server_verify(Ssl2Link&, ByteView message) {
  auto verify = Ssl2ServerVerify::parse(message);
  if (!verify) return verify.error();
  // §2.6: the server proves it holds the session keys by returning our
  // challenge; the spec names no ERROR for a wrong one, so we close.
  if (!ct_equal(verify->data, challenge_)) {
    return Error{AlertDescription::decrypt_error, "SERVER-VERIFY does not carry our challenge"};
  }
  return ok_status();
}

Status Ssl2ClientHandshake::on_request_certificate(Ssl2Link&, ByteView message) {
  auto request = Ssl2RequestCertificate::parse(message);
  if (!request) return request.error();
  facts_.request_certificate = true;
  if (request->authentication_type != kMd5WithRsaEncryption) {
    return Error{AlertDescription::unsupported_certificate,
                 "REQUEST-CERTIFICATE for an authentication type other than MD5 with RSA"};
  }
  certificate_challenge_ = request->certificate_challenge;
  return ok_status();
}

Status Ssl2ClientHandshake::write_client_certificate(Ssl2Link& l) {
  const Identity* identity = nullptr;
  for (const Identity& id : l.link.config.identities)
    if (id.key.type() == KeyType::rsa && !id.chain.empty()) {
      identity = &id;
      break;
    }
  // §2.7: without one, NO-CERTIFICATE-ERROR in its place; it is recoverable,
  // so we wait for the server to go on or close.
  if (!identity) return send_message(l, Ssl2Error{Ssl2ErrorCode::no_certificate}.serialize());
  auto response = sign(identity->key, {SignaturePadding::pkcs1, SignatureDigest::md5},
                       certificate_response_input());
  if (!response) return response.error();
  const Ssl2ClientCertificate message{kX509Certificate, identity->chain.front().der(),
                                      std::move(*response)};
  return send_message(l, message.serialize());
}

Status Ssl2ClientHandshake::on_server_finished(Ssl2Link&, ByteView message) {
  auto finished = Ssl2ServerFinished::parse(message);
  if (!finished) return finished.error();
  if (facts_.session_id_hit == true) {
    if (finished->data != session_id_)
      return illegal_parameter("SERVER-FINISHED changes the reused session-id");
  } else {
    session_id_ = finished->data;
  }
  return ok_status();
}

}  // namespace gauntlet
