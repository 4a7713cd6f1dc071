#include "engine/key_schedule/tls13_key_schedule.h"

#include <cstdlib>
#include <string>

#include "engine/base/writer.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/hkdf.h"
#include "engine/crypto/hmac.h"

namespace gauntlet {
namespace {

// HkdfLabel.label is <7..255> and carries "tls13 " first (§7.1).
constexpr size_t kMaxLabelSize = 255 - 6;

// Derive-Secret over no messages: the transcript hash is Hash("").
Bytes derive_empty(HashAlgorithm h, ByteView secret, std::string_view label) {
  return derive_secret(h, secret, label, hash(h, {}));
}

// §7.1: the salt of the next stage's Extract.
Bytes next_stage(HashAlgorithm h, ByteView secret, ByteView ikm) {
  const Bytes zeros(digest_size(h), 0);
  return hkdf_extract(h, derive_empty(h, secret, "derived"), ikm.empty() ? ByteView(zeros) : ikm);
}

}  // namespace

Bytes hkdf_expand_label(HashAlgorithm h, ByteView secret, std::string_view label, ByteView context,
                        size_t length) {
  Writer info;
  info.u16(static_cast<uint16_t>(length));
  {
    Writer l = info.prefixed8();
    const std::string full = "tls13 " + std::string(label);
    l.bytes(ByteView(reinterpret_cast<const uint8_t*>(full.data()), full.size()));
  }
  info.vec8(context);
  // Every label and context here is the RFC's or a checked exporter's.
  if (!info.ok()) std::abort();
  return hkdf_expand(h, secret, info.data(), length);
}

Bytes derive_secret(HashAlgorithm h, ByteView secret, std::string_view label,
                    ByteView transcript_hash) {
  return hkdf_expand_label(h, secret, label, transcript_hash, digest_size(h));
}

Tls13EarlySecret Tls13EarlySecret::without_psk(HashAlgorithm h) {
  return from_psk(h, Bytes(digest_size(h), 0));
}

Tls13EarlySecret Tls13EarlySecret::from_psk(HashAlgorithm h, ByteView psk) {
  return Tls13EarlySecret(h, hkdf_extract(h, {}, psk));
}

Bytes Tls13EarlySecret::binder_key(PskOrigin origin) const {
  return derive_empty(hash_, secret_,
                      origin == PskOrigin::resumption ? "res binder" : "ext binder");
}

Bytes Tls13EarlySecret::client_early_traffic_secret(ByteView client_hello_hash) const {
  return derive_secret(hash_, secret_, "c e traffic", client_hello_hash);
}

Bytes Tls13EarlySecret::early_exporter_master_secret(ByteView client_hello_hash) const {
  return derive_secret(hash_, secret_, "e exp master", client_hello_hash);
}

Tls13HandshakeSecret Tls13EarlySecret::handshake_secret(ByteView shared_secret) const {
  return Tls13HandshakeSecret(hash_, next_stage(hash_, secret_, shared_secret));
}

Bytes Tls13HandshakeSecret::handshake_traffic_secret(Sender sender, ByteView hello_hash) const {
  return derive_secret(hash_, secret_, sender == Sender::client ? "c hs traffic" : "s hs traffic",
                       hello_hash);
}

Tls13MasterSecret Tls13HandshakeSecret::master_secret() const {
  return Tls13MasterSecret(hash_, next_stage(hash_, secret_, {}));
}

Bytes Tls13MasterSecret::application_traffic_secret_0(Sender sender,
                                                      ByteView hash_to_server_finished) const {
  return derive_secret(hash_, secret_, sender == Sender::client ? "c ap traffic" : "s ap traffic",
                       hash_to_server_finished);
}

Bytes Tls13MasterSecret::exporter_master_secret(ByteView hash_to_server_finished) const {
  return derive_secret(hash_, secret_, "exp master", hash_to_server_finished);
}

Bytes Tls13MasterSecret::resumption_master_secret(ByteView hash_to_client_finished) const {
  return derive_secret(hash_, secret_, "res master", hash_to_client_finished);
}

Bytes resumption_psk(HashAlgorithm h, ByteView resumption_master_secret, ByteView ticket_nonce) {
  return hkdf_expand_label(h, resumption_master_secret, "resumption", ticket_nonce, digest_size(h));
}

Bytes next_application_traffic_secret(HashAlgorithm h, ByteView traffic_secret) {
  return hkdf_expand_label(h, traffic_secret, "traffic upd", {}, digest_size(h));
}

TrafficKeys traffic_keys(HashAlgorithm h, CipherAlgorithm aead, ByteView traffic_secret) {
  return {hkdf_expand_label(h, traffic_secret, "key", {}, cipher_key_size(aead)),
          hkdf_expand_label(h, traffic_secret, "iv", {}, kTls13IvSize)};
}

Bytes finished_key(HashAlgorithm h, ByteView base_key) {
  return hkdf_expand_label(h, base_key, "finished", {}, digest_size(h));
}

Bytes tls13_verify_data(HashAlgorithm h, ByteView base_key, ByteView transcript_hash) {
  return hmac(h, finished_key(h, base_key), transcript_hash);
}

Result<Bytes> tls13_export(HashAlgorithm h, ByteView exporter_master_secret, std::string_view label,
                           ByteView context, size_t length) {
  if (label.size() > kMaxLabelSize || length > 255 * digest_size(h)) {
    return internal_error("TLS 1.3 exporter label or length too long to encode");
  }
  return hkdf_expand_label(h, derive_empty(h, exporter_master_secret, label), "exporter",
                           hash(h, context), length);
}

}  // namespace gauntlet
