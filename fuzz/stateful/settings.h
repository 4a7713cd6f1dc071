// The settings header of the stateful fuzz targets: a few tagged bytes that
// choose the configuration, then the peer's byte stream. The first byte is
// the format; inputs of another format are ignored, so a format change shows
// as a corpus that no longer reaches anything, never as a silent misreading.
//
//   u8 format (3) | u8 max version (0 SSL 3.0 .. 4 TLS 1.3) | u8 flags |
//   u8 TLS 1.3 flags (bits 6-7: the record padding mode) |
//   u8 authentication and key flags | peer bytes
//
// A bit the format does not name is ignored, so an option whose 0 keeps
// today's behaviour can take one without a new format: every seed keeps its
// meaning (early_data, key_update_each_record and padding came so). Format
// 3 added the fifth byte when the flag bytes were full; inputs of
// format 2 became format 3 with that byte zero (docs/FUZZING.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "engine/base/reader.h"
#include "engine/connection/config.h"
#include "engine/connection/connection.h"

namespace gauntlet::fuzzing {

constexpr uint8_t kSettingsFormat = 3;

struct Settings {
  // Not in the header: only the ssl2 variant (variants.h) lowers it, so its
  // inputs read as every other target's.
  ProtocolVersion min_version = ProtocolVersion::ssl3;
  ProtocolVersion max_version = ProtocolVersion::tls12;
  bool client_auth = false;        // client: has a certificate; server: asks for one
  bool require_client_auth = false;  // server
  bool tickets = false;
  bool extended_master_secret = false;
  bool encrypt_then_mac = false;
  bool resumption = false;  // client: offers a session; server: has one cached
  bool renegotiation = false;  // allow_insecure instead of secure-only
  // Once established: write, export keying material, then renegotiate, or
  // in TLS 1.3 a KeyUpdate asking for the peer's and, as a server with
  // post_handshake_auth, a CertificateRequest (RFC 8446 §4.6.2, §4.6.3).
  bool after_handshake = false;
  // TLS 1.3 (RFC 8446); they matter only with max_version tls13.
  bool hello_retry = false;  // server: a HelloRetryRequest first (§4.1.4)
  bool psk_ke = false;       // psk_ke besides psk_dhe_ke, preferred (§4.2.9)
  // Client: has a certificate and offers post_handshake_auth (§4.2.6);
  // server: asks after the handshake when after_handshake is set.
  bool post_handshake_auth = false;
  bool middlebox_compat = true;  // RFC 8446 D.4
  // 0-RTT (§4.2.10): client: the shared session's ticket allows early data
  // and some goes with it; server: takes early data, which the shared
  // session's ticket allows. A HelloRetryRequest refuses it.
  bool early_data = false;
  // Once a write key has sealed a record, a KeyUpdate before the next
  // write (Config::key_update_after, §4.6.3).
  bool key_update_each_record = false;
  // How our protected records are padded (§5.4).
  RecordPadding::Mode padding = RecordPadding::Mode::none;
  // Authentication. The peer's chain is verified against a trust store of
  // the fuzz identities' certificates (client: the server's, for the name
  // localhost; server: a client's, RFC 8446 §4.4.2.4); without it, taken as
  // it comes.
  bool verify_peer = false;
  // signature_algorithms_cert (RFC 8446 §4.2.3) in our ClientHello and
  // CertificateRequest: the schemes the fuzz identities' certificates are
  // signed with, narrower than signature_algorithms.
  bool signature_algorithms_cert = false;
  // Fuzzer mode off: records under the real traffic keys, every Finished,
  // CertificateVerify and binder checked, tickets sealed. A conversation
  // recorded so still opens, both sides' randomness and clock being fixed
  // (but not libcrypto's signatures: a server that signs meets the peer's
  // recorded Finished over another transcript); a mutation of it mostly
  // ends at the first record or check it breaks, as for a real peer.
  bool real_keys = false;

  bool operator==(const Settings&) const = default;
  Bytes serialize() const;
  // Consumes the header from r; nullopt for another format or a short input.
  static std::optional<Settings> parse(Reader& r);
};

// Deterministic configs in fuzzer mode (fixed random and clock).
std::shared_ptr<Config> client_config(const Settings& s);
std::shared_ptr<Config> server_config(const Settings& s);
ClientOptions client_options(const Settings& s);

// The session both sides share: the one a fuzzed client offers and a fuzzed
// server has cached, so inputs can resume by ID or ticket; an SSL 2.0 one
// (SESSION-ID-HIT) when the range starts at SSL 2.0, a TLS 1.3 one (a PSK
// whose ticket is its bare state, as fuzzer mode reads tickets) when it
// ends at TLS 1.3; under real keys with tickets, the ticket is sealed
// under the fuzzed server's ticket keys instead.
Session shared_session(const Settings& s);

// What after_handshake has an established connection do.
void after_handshake(Connection& c, const Settings& s);

// Feeds the peer's bytes a record at a time; once the connection is
// established, does what after_handshake says before the rest arrives, so
// the peer's bytes can answer it; closes at the end.
void run(Connection& c, ByteView peer_bytes, const Settings& s);

}  // namespace gauntlet::fuzzing
