#include "engine/registry/extension_type.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using E = ExtensionType;
// OpenSSL names are those of its 3.0 protocol trace (s_client -trace, ssl/t1_trce.c);
// empty where that trace has none.
constexpr std::array<NameRow<E>, 40> kTypes{{
    {E::server_name, "server_name", "server_name"},
    {E::max_fragment_length, "max_fragment_length", "max_fragment_length"},
    {E::client_certificate_url, "client_certificate_url", "client_certificate_url"},
    {E::trusted_ca_keys, "trusted_ca_keys", "trusted_ca_keys"},
    {E::truncated_hmac, "truncated_hmac", "truncated_hmac"},
    {E::status_request, "status_request", "status_request"},
    {E::user_mapping, "user_mapping", "user_mapping"},
    {E::client_authz, "client_authz", "client_authz"},
    {E::server_authz, "server_authz", "server_authz"},
    {E::cert_type, "cert_type", "cert_type"},
    {E::supported_groups, "supported_groups", "supported_groups"},
    {E::ec_point_formats, "ec_point_formats", "ec_point_formats"},
    {E::srp, "srp", "srp"},
    {E::signature_algorithms, "signature_algorithms", "signature_algorithms"},
    {E::use_srtp, "use_srtp", "use_srtp"},
    {E::heartbeat, "heartbeat", ""},
    {E::application_layer_protocol_negotiation, "application_layer_protocol_negotiation",
     "application_layer_protocol_negotiation"},
    {E::status_request_v2, "status_request_v2", ""},
    {E::signed_certificate_timestamp, "signed_certificate_timestamp",
     "signed_certificate_timestamps"},
    {E::client_certificate_type, "client_certificate_type", ""},
    {E::server_certificate_type, "server_certificate_type", ""},
    {E::padding, "padding", "padding"},
    {E::encrypt_then_mac, "encrypt_then_mac", "encrypt_then_mac"},
    {E::extended_master_secret, "extended_master_secret", "extended_master_secret"},
    {E::token_binding, "token_binding", ""},
    {E::cached_info, "cached_info", ""},
    {E::compress_certificate, "compress_certificate", ""},
    {E::record_size_limit, "record_size_limit", ""},
    {E::session_ticket, "session_ticket", "session_ticket"},
    {E::pre_shared_key, "pre_shared_key", "psk"},
    {E::early_data, "early_data", "early_data"},
    {E::supported_versions, "supported_versions", "supported_versions"},
    {E::cookie, "cookie", "cookie_ext"},
    {E::psk_key_exchange_modes, "psk_key_exchange_modes", "psk_key_exchange_modes"},
    {E::certificate_authorities, "certificate_authorities", "certificate_authorities"},
    {E::oid_filters, "oid_filters", ""},
    {E::post_handshake_auth, "post_handshake_auth", "post_handshake_auth"},
    {E::signature_algorithms_cert, "signature_algorithms_cert", "signature_algorithms_cert"},
    {E::key_share, "key_share", "key_share"},
    {E::renegotiation_info, "renegotiation_info", "renegotiate"},
}};

}  // namespace

std::string iana_name(ExtensionType v) { return iana_name<E>(kTypes, v, 4); }
std::string openssl_name(ExtensionType v) { return openssl_name<E>(kTypes, v, 4); }
std::optional<ExtensionType> extension_type_from_name(std::string_view n) {
  return from_name<E>(kTypes, n);
}
std::optional<ExtensionType> known_extension_type(uint16_t wire) {
  return from_value<E>(kTypes, wire);
}

}  // namespace gauntlet
