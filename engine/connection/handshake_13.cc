// What every TLS 1.3 handshake does whatever its role (RFC 8446 §7): the
// key schedule from ServerHello on, traffic keys as row actions (ServerHello
// and each Finished), Finished and the peer's CertificateVerify (§4.4.3-4),
// key log lines for every secret, the transcript after a HelloRetryRequest
// (§4.4.1), and the dummy ChangeCipherSpec of middlebox compatibility (D.4).
#include <openssl/crypto.h>

#include "engine/connection/authentication_13.h"
#include "engine/connection/extensions/extension.h"
#include "engine/connection/handshake.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/traffic_13.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/key_schedule/keylog.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/finished.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/key_update.h"

namespace gauntlet {

namespace {

void log_secret(const Link& link, const HelloState& h, Tls13Secret which, ByteView secret) {
  if (link.config.keylog) link.config.keylog(keylog_line(which, h.client_random, secret));
}

}  // namespace

Status Handshake::use_traffic_secret(Link& link, Direction d, ByteView secret) {
  auto p = tls13_protection(link, hello_.suite, secret);
  if (!p) return p.error();
  if (d == Direction::send) return link.records.set_write_protection(std::move(p).value());
  link.records.set_read_protection(std::move(p).value());
  return ok_status();
}

Status Handshake::start_tls13_keys(Link& link, Bytes& shared_secret) {
  const HashAlgorithm hash = hello_.suite.get().prf_hash;
  const Bytes hello_hash = transcript_.digest(hash);
  const Tls13EarlySecret early = early_ ? *early_ : Tls13EarlySecret::without_psk(hash);
  Tls13HandshakeSecret secret = early.handshake_secret(shared_secret);
  OPENSSL_cleanse(shared_secret.data(), shared_secret.size());
  Bytes client = secret.handshake_traffic_secret(Sender::client, hello_hash);
  Bytes server = secret.handshake_traffic_secret(Sender::server, hello_hash);
  log_secret(link, hello_, Tls13Secret::client_handshake_traffic, client);
  log_secret(link, hello_, Tls13Secret::server_handshake_traffic, server);
  tls13_.emplace(Tls13Secrets{std::move(secret), std::move(client), std::move(server), {}, {}, {}});
  link.records.set_tls13();
  const bool client_side = role_ == Role::client;
  const Tls13Secrets& t = *tls13_;
  // A client sending 0-RTT data keeps its early key, a server accepting it
  // reads under it, until EndOfEarlyData (§4.5).
  if (!early_write_) {
    if (auto st = use_traffic_secret(link, Direction::send,
                                     client_side ? t.client_handshake_traffic
                                                 : t.server_handshake_traffic);
        !st) {
      return st;
    }
  }
  if (early_data_left_) return use_traffic_secret(link, Direction::receive, client_early_traffic_);
  return use_traffic_secret(link, Direction::receive,
                            client_side ? t.server_handshake_traffic : t.client_handshake_traffic);
}

// Once only: before early data, or before the first encrypted handshake
// message.
Status Handshake::send_compat_change_cipher_spec(Link& link) {
  if (compat_ccs_sent_ || link.config.bugs.skip_change_cipher_spec) return ok_status();
  compat_ccs_sent_ = true;
  return link.records.write(
      ContentType::change_cipher_spec,
      link.config.bugs.change_cipher_spec_body.value_or(ChangeCipherSpec{}.serialize()));
}

void Handshake::hash_first_client_hello(ByteView first_client_hello) {
  const HashAlgorithm h = hello_.suite.get().prf_hash;
  Transcript restarted;
  restarted.update(
      HandshakeMessage{HandshakeType::message_hash, hash(h, first_client_hello)}.serialize());
  transcript_ = std::move(restarted);
}

Status Handshake::take_peer_chain_13(const Config& c, const Certificate13& message) {
  auto chain = peer_chain_13(c, message);
  if (!chain) return chain.error();
  peer_chain_ = std::move(chain).value();
  return ok_status();
}

// §5: a ChangeCipherSpec of the single byte 0x01 that comes in the clear
// "at any time" until the peer's Finished is dropped. Past a bound (as
// BoringSSL's, so that a peer cannot keep us reading empty records), and
// anything else, is unexpected_message; after the Finished the connection
// refuses it.
Status Handshake::on_change_cipher_spec_13(ByteView body) {
  if (body.size() != 1 || body[0] != 0x01) {
    return Error{AlertDescription::unexpected_message, "ChangeCipherSpec other than 0x01"};
  }
  if (++compat_ccs_seen_ > kMaxDroppedChangeCipherSpecs) {
    return Error{AlertDescription::unexpected_message,
                 "more than " + std::to_string(kMaxDroppedChangeCipherSpecs) + " ChangeCipherSpecs"};
  }
  return ok_status();
}

void Handshake::derive_application_secrets(Link& link) {
  Tls13Secrets& t = *tls13_;
  const HashAlgorithm hash = t.handshake.hash();
  const Bytes through_server_finished = transcript_.digest(hash);
  const Tls13MasterSecret master = t.handshake.master_secret();
  t.client_application_traffic =
      master.application_traffic_secret_0(Sender::client, through_server_finished);
  t.server_application_traffic =
      master.application_traffic_secret_0(Sender::server, through_server_finished);
  t.exporter_master = master.exporter_master_secret(through_server_finished);
  log_secret(link, hello_, Tls13Secret::client_application_traffic_0, t.client_application_traffic);
  log_secret(link, hello_, Tls13Secret::server_application_traffic_0, t.server_application_traffic);
  log_secret(link, hello_, Tls13Secret::exporter, t.exporter_master);
}

// §4.4.4: HMAC over the transcript with the sender's finished_key. The
// server's Finished closes the transcript the application secrets hash
// (§7.1); whoever sends a Finished then writes, and whoever receives one
// reads, under the application keys.
Status Handshake::send_finished_13(Link& link) {
  const HashAlgorithm hash = tls13_->handshake.hash();
  const bool client = role_ == Role::client;
  const Bytes verify = tls13_verify_data(
      hash, client ? tls13_->client_handshake_traffic : tls13_->server_handshake_traffic,
      transcript_.digest(hash));
  if (auto st = send_message(link, HandshakeType::finished, Finished{verify}.serialize()); !st) {
    return st;
  }
  if (!client) derive_application_secrets(link);
  return use_traffic_secret(link, Direction::send,
                            client ? tls13_->client_application_traffic
                                   : tls13_->server_application_traffic);
}

Status Handshake::on_finished_13(Link& link, ByteView body) {
  const HashAlgorithm hash = tls13_->handshake.hash();
  const bool from_server = role_ == Role::client;
  auto fin = Finished::parse(body, digest_size(hash));
  if (!fin) return fin.error();
  const Bytes expected = tls13_verify_data(
      hash, from_server ? tls13_->server_handshake_traffic : tls13_->client_handshake_traffic,
      transcript_.digest(hash));
  if (!link.fuzzer_mode &&
      CRYPTO_memcmp(expected.data(), fin->verify_data.data(), expected.size()) != 0) {
    return Error{AlertDescription::decrypt_error, "Finished verify_data does not match"};
  }
  transcript_.update(HandshakeMessage{HandshakeType::finished, Bytes(body.begin(), body.end())}
                         .serialize());
  if (from_server) derive_application_secrets(link);
  return use_traffic_secret(link, Direction::receive,
                            from_server ? tls13_->server_application_traffic
                                        : tls13_->client_application_traffic);
}

// §7.1: the resumption master secret closes the transcript at the client's
// Finished, which both sides have by the time the script is done; each
// post-handshake authentication starts from that transcript (§4.4.1).
std::optional<Tls13Established> Handshake::tls13_established() const {
  if (!tls13_) return std::nullopt;
  const HashAlgorithm hash = tls13_->handshake.hash();
  return Tls13Established{
      .suite = hello_.suite,
      .resumption_master_secret =
          tls13_->handshake.master_secret().resumption_master_secret(transcript_.digest(hash)),
      .client_traffic_secret = tls13_->client_application_traffic,
      .server_traffic_secret = tls13_->server_application_traffic,
      .server_name = hello_.server_name,
      .alpn = hello_.alpn,
      .peer_chain = chain_der(peer_chain_),
      .parsed_chain = {std::make_shared<const std::vector<Certificate>>(peer_chain_)},
      .post_handshake_auth =
          role_ == Role::server ? hello_.post_handshake_auth
                                : find_body(hello_.client_hello.extensions,
                                            ExtensionType::post_handshake_auth) != nullptr,
      .transcript = transcript_};
}

Result<SignatureScheme> Handshake::check_certificate_verify_13(Link& link, ByteView body,
                                                               const PublicKey& key) {
  const CertificateVerifySigner signer =
      role_ == Role::client ? CertificateVerifySigner::server : CertificateVerifySigner::client;
  auto scheme = gauntlet::check_certificate_verify_13(
      link.config, signer, body, transcript_.digest(hello_.suite.get().prf_hash), key,
      link.fuzzer_mode);
  if (!scheme) return scheme.error();
  hash_checked(HandshakeType::certificate_verify, body);
  return scheme;
}

// §7.1: client_early_traffic_secret and early_exporter_master_secret over
// Transcript-Hash(ClientHello), each logged.
Status Handshake::start_early_data(Link& link) {
  if (!early_) return internal_error("0-RTT without a PSK");
  const Bytes hello_hash = transcript_.digest(early_->hash());
  client_early_traffic_ = early_->client_early_traffic_secret(hello_hash);
  early_exporter_ = early_->early_exporter_master_secret(hello_hash);
  log_secret(link, hello_, Tls13Secret::client_early_traffic, client_early_traffic_);
  log_secret(link, hello_, Tls13Secret::early_exporter, early_exporter_);
  return ok_status();
}

Status Handshake::use_handshake_write_key(Link& link) {
  early_write_ = false;
  return use_traffic_secret(link, Direction::send, tls13_->client_handshake_traffic);
}

Status Handshake::drop_early_write_key(Link& link) {
  early_write_ = false;
  return link.records.set_write_protection(make_null_protection());
}

Status Handshake::send_end_of_early_data(Link& link) {
  if (auto st = send_message(link, HandshakeType::end_of_early_data, EndOfEarlyData{}.serialize());
      !st) {
    return st;
  }
  return use_handshake_write_key(link);
}

Status Handshake::on_end_of_early_data(Link& link, ByteView body) {
  if (auto eoed = EndOfEarlyData::parse(body); !eoed) return eoed.error();
  early_data_left_.reset();
  return use_traffic_secret(link, Direction::receive, tls13_->client_handshake_traffic);
}

Status Handshake::count_early_data(size_t n) {
  if (!early_data_left_ || n > *early_data_left_) {
    return Error{AlertDescription::unexpected_message, "more 0-RTT data than max_early_data_size"};
  }
  *early_data_left_ -= n;
  return ok_status();
}

}  // namespace gauntlet
