// The settings a scenario gives each side beyond the case's version and
// suite: how the SUT must be configured, and our scripted peer's own.
// Their YAML keys are the tables of setting_keys.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/connection/config.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet::conformance {

// How the SUT must be configured for the scenario; a target that cannot be
// configured skips scenarios that need anything but the defaults.
struct SutSettings {
  ClientAuth client_auth = ClientAuth::none;
  bool tickets = true;
  RenegotiationPolicy renegotiation = RenegotiationPolicy::secure;
  // TLS 1.3 0-RTT (RFC 8446 §4.2.10): a SUT server takes up to
  // kSutMaxEarlyData bytes and says so in its tickets; a SUT client sends its
  // request as early data when its ticket allows.
  bool early_data = false;
  // A TLS 1.3 server: a HelloRetryRequest with a cookie for every
  // ClientHello without one (RFC 8446 §4.2.2).
  bool hello_retry = false;
  bool operator==(const SutSettings&) const = default;
};

// What a SUT set up with `early_data` takes (OpenSSL's default, 2^14).
inline constexpr uint32_t kSutMaxEarlyData = 16384;

// Our scripted peer's settings beyond the case's version and suite.
struct PeerSettings {
  std::string identity;            // server: a test PKI name; empty: by suite
  std::string client_certificate;  // client: a test PKI name to offer
  ClientAuth client_auth = ClientAuth::none;  // server: asks the SUT client for one
  std::optional<ProtocolVersion> min_version, max_version;  // default: the case's
  std::vector<CipherSuite> extra_suites;  // offered after the case's suite
  bool extended_master_secret = true;
  bool encrypt_then_mac = true;
  bool renegotiation_info = true;
  bool tickets = true;
  bool fallback_scsv = false;
  bool sslv2_hello = false;
  bool hello_retry = false;  // server: always a HelloRetryRequest (TLS 1.3)
  Bytes retry_cookie;        // server: its cookie (RFC 8446 §4.2.2); empty: random
  std::optional<uint8_t> max_fragment_length;
  std::optional<uint16_t> record_size_limit;
  std::optional<std::string> server_name;  // default: the target's (localhost)
  std::vector<std::string> alpn;
  std::vector<NamedGroup> groups;
  std::vector<SignatureScheme> signature_schemes;
  bool middlebox_compat = true;  // RFC 8446 D.4
  RecordPadding tls13_padding;   // RFC 8446 §5.4
  // client: the TLS 1.3 psk_key_exchange_modes offered (RFC 8446 §4.2.9); none: not sent
  std::optional<std::vector<PskKeyExchangeMode>> psk_modes;
  // server: the 0-RTT data our tickets allow and we take (RFC 8446 §4.2.10)
  uint32_t max_early_data = 0;
};

}  // namespace gauntlet::conformance
