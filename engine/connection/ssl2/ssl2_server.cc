#include "engine/connection/ssl2/ssl2_server.h"

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

constexpr size_t kConnectionIdSize = 16;  // §2.6 allows 16–32
constexpr size_t kSessionIdSize = 16;     // §2.7: SESSION-ID-DATA
constexpr size_t kCertificateChallengeSize = 16;
constexpr uint8_t kX509Certificate = 1;
constexpr uint8_t kMd5WithRsaEncryption = 1;

}  // namespace

Status Ssl2ServerHandshake::act(const Ssl2OrderRow& row, Ssl2Link& l, ByteView body) {
  if (row.sender == Role::server) return (this->*row.server.write)(l);
  return (this->*row.server.handle)(l, body);
}

Status Ssl2ServerHandshake::on_client_hello(Ssl2Link& l, ByteView message) {
  const Config& c = l.link.config;
  auto hello = Ssl2ClientHello::parse(message);
  if (!hello) return hello.error();
  if (hello->version != ProtocolVersion::ssl2) {
    return Error{AlertDescription::protocol_version,
                 "native SSL 2.0 CLIENT-HELLO for another version"};
  }
  challenge_ = hello->challenge;
  for (const Identity& id : c.identities) {
    if (id.key.type() == KeyType::rsa && !id.chain.empty()) {
      identity_ = &id;
      break;
    }
  }
  if (!identity_) return Error{AlertDescription::handshake_failure, "no RSA identity for SSL 2.0"};
  const auto offered_by_client = [&](Ssl2CipherKind k) {
    return std::ranges::find(hello->cipher_specs, k) != hello->cipher_specs.end();
  };
  for (const Ssl2CipherKind k : c.ssl2_cipher_kinds)
    if (offered_by_client(k) && ssl2_cipher_available(k)) offered_.push_back(k);

  std::optional<Session> cached;
  if (!hello->session_id.empty() && c.session_cache) {
    cached = c.session_cache->find(hello->session_id, c.clock->now());
  }
  // Reuse only an SSL 2.0 session whose kind both still allow.
  facts_.session_id_hit = cached && cached->version == ProtocolVersion::ssl2 &&
                          cached->ssl2_cipher_kind &&
                          offered_by_client(*cached->ssl2_cipher_kind) &&
                          std::ranges::find(offered_, *cached->ssl2_cipher_kind) != offered_.end();
  if (*facts_.session_id_hit) {
    kind_ = ssl2_cipher_kind_info(*cached->ssl2_cipher_kind);
    master_key_ = cached->master_secret;
    key_arg_ = cached->ssl2_key_arg;
    session_id_ = cached->id;
    peer_chain_ = cached->peer_certificates();
  } else if (offered_.empty()) {
    return Error{AlertDescription::handshake_failure, "no SSL 2.0 cipher kind in common"};
  }
  facts_.request_certificate = c.client_auth != ClientAuth::none;
  return ok_status();
}

Status Ssl2ServerHandshake::write_server_hello(Ssl2Link& l) {
  connection_id_ = l.link.config.random->bytes(kConnectionIdSize);
  Ssl2ServerHello hello;
  hello.connection_id = connection_id_;
  server_certificate_ = identity_->chain.front().der();
  if (*facts_.session_id_hit) {
    // §2.6: a hit carries no certificate and no cipher specs.
    hello.session_id_hit = 1;
    if (auto st = send_message(l, hello.serialize()); !st) return st;
    return start_ciphers(l);
  }
  hello.certificate = server_certificate_;
  hello.cipher_specs = offered_;
  return send_message(l, hello.serialize());
}

Status Ssl2ServerHandshake::on_client_master_key(Ssl2Link& l, ByteView message) {
  const Config& c = l.link.config;
  auto cmk = Ssl2ClientMasterKey::parse(message);
  if (!cmk) return cmk.error();
  const Ssl2Bugs& bugs = c.bugs.ssl2;
  // CVE-2015-3197: only a kind we listed in SERVER-HELLO; §2.7 NO-CIPHER.
  kind_ = ssl2_cipher_kind_info(cmk->cipher_kind);
  const bool listed = std::ranges::find(offered_, cmk->cipher_kind) != offered_.end();
  if (!kind_ || !ssl2_cipher_available(cmk->cipher_kind) ||
      (!listed && !bugs.accept_unoffered_kind)) {
    return Error{AlertDescription::handshake_failure, "CLIENT-MASTER-KEY names " +
                                                          iana_name(cmk->cipher_kind) +
                                                          ", which we did not offer"};
  }
  // CVE-2016-0703: exactly the kind's clear bytes (11 for export40, else
  // none), before any private-key operation.
  const bool clear_size_ok = bugs.accept_clear_key_bytes
                                 ? cmk->clear_key.size() < kind_->key_size
                                 : cmk->clear_key.size() == kind_->clear_key_size;
  if (!clear_size_ok) {
    return illegal_parameter("CLIENT-MASTER-KEY has " + std::to_string(cmk->clear_key.size()) +
                             " clear key bytes; " + iana_name(kind_->kind) + " has " +
                             std::to_string(kind_->clear_key_size));
  }
  if (cmk->key_arg.size() != kind_->key_arg_size) {
    return illegal_parameter("CLIENT-MASTER-KEY KEY-ARG-DATA of the wrong size");
  }
  key_arg_ = cmk->key_arg;
  // A bad block gives a random secret in constant time: the failure shows
  // at CLIENT-FINISHED (ssl2_rsa.h). RFC 6101 E.2: a server that speaks
  // SSL 3.0 or later refuses the rollback guard.
  const Bytes random_secret = c.random->bytes(kind_->key_size - cmk->clear_key.size());
  const Ssl2GuardCheck check = c.max_version >= ProtocolVersion::ssl3 ? Ssl2GuardCheck::reject
                                                                      : Ssl2GuardCheck::ignore;
  auto secret = rsa_decrypt_ssl2_secret(identity_->key, cmk->encrypted_key, random_secret, check);
  if (!secret) return secret.error();
  if (bugs.accept_clear_key_bytes) {  // the clear bytes stand for the key's first ones
    master_key_ = cmk->clear_key;
    master_key_.insert(master_key_.end(), secret->begin(), secret->end());
  } else {
    auto master = ssl2_master_key(kind_->kind, cmk->clear_key, *secret);
    if (!master) return master.error();
    master_key_ = std::move(*master);
  }
  return start_ciphers(l);
}

Status Ssl2ServerHandshake::on_client_finished(Ssl2Link&, ByteView message) {
  auto finished = Ssl2ClientFinished::parse(message);
  if (!finished) return finished.error();
  // §2.6: the client proves the session keys by returning our
  // connection-id; the spec names no ERROR for a wrong one, so we close.
  if (!ct_equal(finished->data, connection_id_)) {
    return Error{AlertDescription::decrypt_error,
                 "CLIENT-FINISHED does not carry our connection-id"};
  }
  return ok_status();
}

Status Ssl2ServerHandshake::write_server_verify(Ssl2Link& l) {
  Ssl2ServerVerify verify{challenge_};
  if (l.link.config.bugs.ssl2.wrong_challenge) verify.data.front() ^= 0xff;
  return send_message(l, verify.serialize());
}

Status Ssl2ServerHandshake::write_request_certificate(Ssl2Link& l) {
  certificate_challenge_ = l.link.config.random->bytes(kCertificateChallengeSize);
  return send_message(
      l, Ssl2RequestCertificate{kMd5WithRsaEncryption, certificate_challenge_}.serialize());
}

Status Ssl2ServerHandshake::on_client_certificate(Ssl2Link& l, ByteView message) {
  const Config& c = l.link.config;
  auto cc = Ssl2ClientCertificate::parse(message);
  if (!cc) return cc.error();
  if (cc->certificate_type != kX509Certificate) {
    return Error{AlertDescription::unsupported_certificate, "CLIENT-CERTIFICATE not X.509"};
  }
  auto cert = Certificate::from_der(cc->certificate);
  if (!cert) return Error{AlertDescription::bad_certificate, cert.error().reason};
  auto key = cert->public_key();
  if (!key || key->type() != KeyType::rsa) {
    return Error{AlertDescription::unsupported_certificate, "SSL 2.0 client key is not RSA"};
  }
  peer_chain_ = {*cert};
  if (c.trust) {
    if (auto st =
            verify_chain(*c.trust, peer_chain_, std::nullopt, c.clock->now(), Purpose::client);
        !st) {
      return Error{AlertDescription::bad_certificate, st.error().reason};
    }
  }
  // §2.7 BAD-CERTIFICATE when the response does not verify; fuzzer mode
  // accepts it, as it does TLS signatures.
  if (!l.link.fuzzer_mode &&
      !verify(*key, {SignaturePadding::pkcs1, SignatureDigest::md5}, certificate_response_input(),
              cc->response)) {
    return Error{AlertDescription::bad_certificate, "CLIENT-CERTIFICATE response does not verify"};
  }
  return ok_status();
}

// §2.7: NO-CERTIFICATE-ERROR answers REQUEST-CERTIFICATE and is
// recoverable; a server that only asks (ClientAuth::optional) takes it for
// the CLIENT-CERTIFICATE row and goes on without a client certificate. A
// server that requires one, or one that never asked, does not.
bool Ssl2ServerHandshake::recovers_from(Ssl2Link& l, Ssl2ErrorCode code) {
  return code == Ssl2ErrorCode::no_certificate &&
         l.link.config.client_auth == ClientAuth::optional &&
         static_cast<bool>(order_.step(Role::client, Ssl2MessageType::client_certificate, facts_));
}

Status Ssl2ServerHandshake::write_server_finished(Ssl2Link& l) {
  if (!*facts_.session_id_hit) session_id_ = l.link.config.random->bytes(kSessionIdSize);
  return send_message(l, Ssl2ServerFinished{session_id_}.serialize());
}

}  // namespace gauntlet
