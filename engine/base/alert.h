// Alert levels and descriptions: RFC 5246 §7.2, RFC 8446 §6, IANA "TLS Alerts".
// In engine/base, not engine/registry, because every Error carries one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class AlertLevel : uint8_t { warning = 1, fatal = 2 };

enum class AlertDescription : uint8_t {
  close_notify = 0,
  unexpected_message = 10,
  bad_record_mac = 20,
  decryption_failed = 21,
  record_overflow = 22,
  decompression_failure = 30,
  handshake_failure = 40,
  no_certificate = 41,  // SSL 3.0 only
  bad_certificate = 42,
  unsupported_certificate = 43,
  certificate_revoked = 44,
  certificate_expired = 45,
  certificate_unknown = 46,
  illegal_parameter = 47,
  unknown_ca = 48,
  access_denied = 49,
  decode_error = 50,
  decrypt_error = 51,
  too_many_cids_requested = 52,
  export_restriction = 60,
  protocol_version = 70,
  insufficient_security = 71,
  internal_error = 80,
  inappropriate_fallback = 86,
  user_canceled = 90,
  no_renegotiation = 100,
  missing_extension = 109,
  unsupported_extension = 110,
  certificate_unobtainable = 111,
  unrecognized_name = 112,
  bad_certificate_status_response = 113,
  bad_certificate_hash_value = 114,
  unknown_psk_identity = 115,
  certificate_required = 116,
  no_application_protocol = 120,
};

std::string iana_name(AlertLevel v);
std::string openssl_name(AlertLevel v);
std::optional<AlertLevel> alert_level_from_name(std::string_view name);
std::optional<AlertLevel> known_alert_level(uint8_t wire);

std::string iana_name(AlertDescription v);
// OpenSSL's SSL_alert_desc_string_long() form, e.g. "bad record mac".
std::string openssl_name(AlertDescription v);
std::optional<AlertDescription> alert_description_from_name(std::string_view name);
std::optional<AlertDescription> known_alert_description(uint8_t wire);

}  // namespace gauntlet
