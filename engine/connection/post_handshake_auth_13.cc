// Post-handshake client authentication (RFC 8446 §4.6.2), both roles of
// PostHandshake13: our server's CertificateRequest with a fresh context and
// its check of the client's Certificate, CertificateVerify and Finished; our
// client's answer, at once, under its application traffic keys. Each
// exchange hashes on from the handshake's transcript through the client's
// Finished, and its Finished keys from the client's current application
// traffic secret (§4.4, the table's post-handshake row).
#include <openssl/crypto.h>

#include "engine/connection/authentication_13.h"
#include "engine/connection/our_certificate_verify_13.h"
#include "engine/connection/post_handshake_13.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/finished.h"

namespace gauntlet {

namespace {

Bytes message_bytes(HandshakeType type, ByteView body) {
  return HandshakeMessage{type, Bytes(body.begin(), body.end())}.serialize();
}

}  // namespace

// §4.6.2: a CertificateRequest only to a client that offered
// post_handshake_auth; the client's answer only to a request, in order.
bool PostHandshake13::auth_allows(HandshakeType type) const {
  if (type == HandshakeType::certificate_request) return established_.post_handshake_auth;
  return auth_ && auth_->next == type;
}

// §4.3.2: the context must be unique within the connection; 32 random
// bytes are, as OpenSSL's are.
Status PostHandshake13::request_client_certificate(Link& link, ClientAuth policy) {
  if (role_ != Role::server || !established_.post_handshake_auth || auth_) {
    return internal_error(
        "a post-handshake CertificateRequest needs a server whose client offered "
        "post_handshake_auth, and none under way");
  }
  const Config& c = link.config;
  Bytes context = c.random->bytes(32);
  auto sent = send(link, HandshakeType::certificate_request,
                   certificate_request_13(c, context).serialize());
  if (!sent) return sent.error();
  Transcript transcript = established_.transcript;
  transcript.update(*sent);
  auth_ = Authenticating{std::move(context), policy, std::move(transcript),
                         HandshakeType::certificate, {}, std::nullopt};
  return ok_status();
}

Status PostHandshake13::on_certificate_request(Link& link, ByteView body) {
  const Config& c = link.config;
  auto cr = CertificateRequest13::parse(body);
  if (!cr) return cr.error();
  auto schemes = requested_schemes_13(*cr);
  if (!schemes) return schemes.error();
  const HashAlgorithm hash = established_.suite.get().prf_hash;
  Transcript transcript = established_.transcript;
  transcript.update(message_bytes(HandshakeType::certificate_request, body));

  const std::optional<ClientSigner13> signer = choose_client_identity_13(c, *schemes);
  auto sent = send(link, HandshakeType::certificate,
                   certificate_13(std::move(cr->certificate_request_context), signer).serialize());
  if (!sent) return sent.error();
  transcript.update(*sent);
  if (signer) {
    auto cv = our_certificate_verify_13(c, signer->identity.get().key, signer->scheme,
                                        CertificateVerifySigner::client, transcript.digest(hash));
    if (!cv) return cv.error();
    sent = send(link, HandshakeType::certificate_verify, cv->serialize());
    if (!sent) return sent.error();
    transcript.update(*sent);
  }
  const Bytes verify =
      tls13_verify_data(hash, established_.client_traffic_secret, transcript.digest(hash));
  sent = send(link, HandshakeType::finished, Finished{verify}.serialize());
  if (!sent) return sent.error();
  return ok_status();
}

// §4.4.2: the context echoes our request's; empty, certificate_required if
// the request required one (§4.4.2.4), else straight to Finished.
Status PostHandshake13::on_client_certificate(Link& link, ByteView body) {
  const Config& c = link.config;
  auto parsed = Certificate13::parse(body);
  if (!parsed) return parsed.error();
  if (parsed->certificate_request_context != auth_->context) {
    return illegal_parameter("client Certificate whose context is not our request's");
  }
  auth_->transcript.update(message_bytes(HandshakeType::certificate, body));
  if (parsed->certificate_list.empty()) {
    if (auth_->policy == ClientAuth::required) {
      return Error{AlertDescription::certificate_required, "client sent no certificate"};
    }
    auth_->next = HandshakeType::finished;
    return ok_status();
  }
  auto chain = peer_chain_13(c, *parsed);
  if (!chain) return chain.error();
  if (c.trust) {
    if (auto st = verify_chain(*c.trust, *chain, std::nullopt, c.clock->now(), Purpose::client);
        !st) {
      return st;
    }
  }
  auto key = chain->front().public_key();
  if (!key) return key.error();
  auth_->chain = std::move(chain).value();
  auth_->client_key = std::move(key).value();
  auth_->next = HandshakeType::certificate_verify;
  return ok_status();
}

Status PostHandshake13::on_client_certificate_verify(Link& link, ByteView body) {
  const HashAlgorithm hash = established_.suite.get().prf_hash;
  if (auto scheme = check_certificate_verify_13(link.config, CertificateVerifySigner::client, body,
                                                auth_->transcript.digest(hash), *auth_->client_key,
                                                link.fuzzer_mode);
      !scheme) {
    return scheme.error();
  }
  auth_->transcript.update(message_bytes(HandshakeType::certificate_verify, body));
  auth_->next = HandshakeType::finished;
  return ok_status();
}

// §4.4.4: the client's Finished closes the exchange; its chain is then the
// connection's peer chain.
Status PostHandshake13::on_client_finished(Link& link, ByteView body) {
  const HashAlgorithm hash = established_.suite.get().prf_hash;
  auto fin = Finished::parse(body, digest_size(hash));
  if (!fin) return fin.error();
  const Bytes expected =
      tls13_verify_data(hash, established_.client_traffic_secret, auth_->transcript.digest(hash));
  if (!link.fuzzer_mode &&
      CRYPTO_memcmp(expected.data(), fin->verify_data.data(), expected.size()) != 0) {
    return Error{AlertDescription::decrypt_error, "Finished verify_data does not match"};
  }
  if (!auth_->chain.empty()) link.kept.negotiated.peer_chain = std::move(auth_->chain);
  auth_.reset();
  return ok_status();
}

}  // namespace gauntlet
