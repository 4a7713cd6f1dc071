// The TLS 1.3 key schedule (RFC 8446 §7.1), in three stages that each carry
// only what is known at that point: the early secret (a PSK, or none), the
// handshake secret (after the (EC)DHE share), and the master secret (after
// the server's Finished). Each stage derives its secrets from transcript
// hashes the caller takes with the suite's hash; the traffic key, Finished,
// resumption and exporter derivations that hang off those secrets are free
// functions below. Written over our HKDF, as the older PRFs are over HMAC.
#pragma once

#include <string_view>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/hash.h"
#include "engine/key_schedule/key_schedule.h"
#include "engine/registry/algorithm_ids.h"

namespace gauntlet {

// §7.1: HKDF-Expand(Secret, HkdfLabel{length, "tls13 " + label, context}).
Bytes hkdf_expand_label(HashAlgorithm h, ByteView secret, std::string_view label, ByteView context,
                        size_t length);

// §7.1: Derive-Secret(Secret, Label, Messages), with Transcript-Hash(Messages)
// taken by the caller.
Bytes derive_secret(HashAlgorithm h, ByteView secret, std::string_view label,
                    ByteView transcript_hash);

// Which binder key a PSK uses (§7.1): "res binder" for a ticket from
// NewSessionTicket, "ext binder" for one provisioned outside TLS.
enum class PskOrigin { resumption, external };

class Tls13MasterSecret {
 public:
  HashAlgorithm hash() const { return hash_; }
  const Bytes& secret() const { return secret_; }

  // Over Transcript-Hash(ClientHello..server Finished).
  Bytes application_traffic_secret_0(Sender sender, ByteView hash_to_server_finished) const;
  Bytes exporter_master_secret(ByteView hash_to_server_finished) const;
  // Over Transcript-Hash(ClientHello..client Finished).
  Bytes resumption_master_secret(ByteView hash_to_client_finished) const;

 private:
  friend class Tls13HandshakeSecret;
  Tls13MasterSecret(HashAlgorithm h, Bytes secret) : hash_(h), secret_(std::move(secret)) {}
  HashAlgorithm hash_;
  Bytes secret_;
};

class Tls13HandshakeSecret {
 public:
  HashAlgorithm hash() const { return hash_; }
  const Bytes& secret() const { return secret_; }

  // Over Transcript-Hash(ClientHello..ServerHello).
  Bytes handshake_traffic_secret(Sender sender, ByteView hello_hash) const;
  Tls13MasterSecret master_secret() const;

 private:
  friend class Tls13EarlySecret;
  Tls13HandshakeSecret(HashAlgorithm h, Bytes secret) : hash_(h), secret_(std::move(secret)) {}
  HashAlgorithm hash_;
  Bytes secret_;
};

class Tls13EarlySecret {
 public:
  // A full handshake: the PSK input is Hash.length zeros.
  static Tls13EarlySecret without_psk(HashAlgorithm h);
  static Tls13EarlySecret from_psk(HashAlgorithm h, ByteView psk);

  HashAlgorithm hash() const { return hash_; }
  const Bytes& secret() const { return secret_; }

  // The base key of the PSK binder (§4.2.11.2).
  Bytes binder_key(PskOrigin origin) const;
  // Over Transcript-Hash(ClientHello), the whole hello, binders included.
  Bytes client_early_traffic_secret(ByteView client_hello_hash) const;
  Bytes early_exporter_master_secret(ByteView client_hello_hash) const;
  // The (EC)DHE shared secret; empty for psk_ke, which has none and uses
  // Hash.length zeros (§7.1).
  Tls13HandshakeSecret handshake_secret(ByteView shared_secret) const;

 private:
  Tls13EarlySecret(HashAlgorithm h, Bytes secret) : hash_(h), secret_(std::move(secret)) {}
  HashAlgorithm hash_;
  Bytes secret_;
};

// §4.6.1: the PSK a NewSessionTicket stands for.
Bytes resumption_psk(HashAlgorithm h, ByteView resumption_master_secret, ByteView ticket_nonce);

// §7.2: application_traffic_secret_N+1 from application_traffic_secret_N.
Bytes next_application_traffic_secret(HashAlgorithm h, ByteView traffic_secret);

// §7.3: the write key and IV of a traffic secret for the suite's AEAD. Every
// TLS 1.3 AEAD takes a 12-byte nonce, so the IV is 12 bytes.
struct TrafficKeys {
  Bytes key, iv;
};
constexpr size_t kTls13IvSize = 12;
TrafficKeys traffic_keys(HashAlgorithm h, CipherAlgorithm aead, ByteView traffic_secret);

// §4.4.4: finished_key from a handshake traffic secret (or a binder key), and
// verify_data = HMAC(finished_key, transcript hash). A PSK binder is the
// verify_data of its binder key over the truncated ClientHello (§4.2.11.2).
Bytes finished_key(HashAlgorithm h, ByteView base_key);
Bytes tls13_verify_data(HashAlgorithm h, ByteView base_key, ByteView transcript_hash);

// §7.5: TLS-Exporter(label, context_value, key_length) over the
// (early_)exporter_master_secret. No context and an empty one are the same.
// A label over 249 bytes or a length over 255·Hash.length cannot be encoded:
// internal_error.
Result<Bytes> tls13_export(HashAlgorithm h, ByteView exporter_master_secret, std::string_view label,
                           ByteView context, size_t length);

}  // namespace gauntlet
