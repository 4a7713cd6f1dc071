// The settings header of the stateful fuzz targets: a few tagged bytes that
// choose the configuration, then the peer's byte stream. The first byte is
// the format; inputs of another format are ignored, so a format change shows
// as a corpus that no longer reaches anything, never as a silent misreading.
//
//   u8 format (1) | u8 max version (0 SSL 3.0 .. 3 TLS 1.2) | u8 flags | peer bytes
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "engine/base/reader.h"
#include "engine/connection/config.h"
#include "engine/connection/connection.h"

namespace gauntlet::fuzzing {

constexpr uint8_t kSettingsFormat = 1;

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
  bool after_handshake = false;  // write, then renegotiate, once established

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
// (SESSION-ID-HIT) when the range starts at SSL 2.0.
Session shared_session(const Settings& s);

// Feeds the peer's bytes, then exercises an established connection.
void run(Connection& c, ByteView peer_bytes, const Settings& s);

}  // namespace gauntlet::fuzzing
