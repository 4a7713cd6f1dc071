#include "engine/base/alert.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using L = AlertLevel;
constexpr std::array<NameRow<L>, 2> kLevels{{
    {L::warning, "warning", "warning"},
    {L::fatal, "fatal", "fatal"},
}};

using D = AlertDescription;
// OpenSSL names are those of SSL_alert_desc_string_long().
constexpr std::array<NameRow<D>, 35> kDescriptions{{
    {D::close_notify, "close_notify", "close notify"},
    {D::unexpected_message, "unexpected_message", "unexpected_message"},
    {D::bad_record_mac, "bad_record_mac", "bad record mac"},
    {D::decryption_failed, "decryption_failed", "decryption failed"},
    {D::record_overflow, "record_overflow", "record overflow"},
    {D::decompression_failure, "decompression_failure", "decompression failure"},
    {D::handshake_failure, "handshake_failure", "handshake failure"},
    {D::no_certificate, "no_certificate", "no certificate"},
    {D::bad_certificate, "bad_certificate", "bad certificate"},
    {D::unsupported_certificate, "unsupported_certificate", "unsupported certificate"},
    {D::certificate_revoked, "certificate_revoked", "certificate revoked"},
    {D::certificate_expired, "certificate_expired", "certificate expired"},
    {D::certificate_unknown, "certificate_unknown", "certificate unknown"},
    {D::illegal_parameter, "illegal_parameter", "illegal parameter"},
    {D::unknown_ca, "unknown_ca", "unknown CA"},
    {D::access_denied, "access_denied", "access denied"},
    {D::decode_error, "decode_error", "decode error"},
    {D::decrypt_error, "decrypt_error", "decrypt error"},
    {D::too_many_cids_requested, "too_many_cids_requested", ""},
    {D::export_restriction, "export_restriction", "export restriction"},
    {D::protocol_version, "protocol_version", "protocol version"},
    {D::insufficient_security, "insufficient_security", "insufficient security"},
    {D::internal_error, "internal_error", "internal error"},
    {D::inappropriate_fallback, "inappropriate_fallback", "inappropriate fallback"},
    {D::user_canceled, "user_canceled", "user canceled"},
    {D::no_renegotiation, "no_renegotiation", "no renegotiation"},
    {D::missing_extension, "missing_extension", "missing extension"},
    {D::unsupported_extension, "unsupported_extension", "unsupported extension"},
    {D::certificate_unobtainable, "certificate_unobtainable", "certificate unobtainable"},
    {D::unrecognized_name, "unrecognized_name", "unrecognized name"},
    {D::bad_certificate_status_response, "bad_certificate_status_response",
     "bad certificate status response"},
    {D::bad_certificate_hash_value, "bad_certificate_hash_value", "bad certificate hash value"},
    {D::unknown_psk_identity, "unknown_psk_identity", "unknown PSK identity"},
    {D::certificate_required, "certificate_required", "certificate required"},
    {D::no_application_protocol, "no_application_protocol", "no application protocol"},
}};

}  // namespace

std::string iana_name(AlertLevel v) { return iana_name<L>(kLevels, v, 2); }
std::string openssl_name(AlertLevel v) { return openssl_name<L>(kLevels, v, 2); }
std::optional<AlertLevel> alert_level_from_name(std::string_view n) {
  return from_name<L>(kLevels, n);
}
std::optional<AlertLevel> known_alert_level(uint8_t wire) { return from_value<L>(kLevels, wire); }

std::string iana_name(AlertDescription v) { return iana_name<D>(kDescriptions, v, 2); }
std::string openssl_name(AlertDescription v) { return openssl_name<D>(kDescriptions, v, 2); }
std::optional<AlertDescription> alert_description_from_name(std::string_view n) {
  return from_name<D>(kDescriptions, n);
}
std::optional<AlertDescription> known_alert_description(uint8_t wire) {
  return from_value<D>(kDescriptions, wire);
}

}  // namespace gauntlet
