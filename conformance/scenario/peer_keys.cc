// `peer:` — our scripted side's settings beyond the case's version and suite.
#include "conformance/scenario/setting_keys.h"
#include "engine/connection/config_names.h"

namespace gauntlet::conformance {

namespace {

using R = const YamlReader&;
using V = const YAML::Node&;
using P = PeerSettings&;

template <typename E>
std::vector<E> list(R r, V v, std::optional<E> (*lookup)(std::string_view), const std::string& what) {
  std::vector<E> out;
  for (const auto& x : v) out.push_back(r.named(x, lookup, what));
  return out;
}

std::optional<PskKeyExchangeMode> psk_mode_from_name(std::string_view n) {
  if (n == "psk_ke") return PskKeyExchangeMode::psk_ke;
  if (n == "psk_dhe_ke") return PskKeyExchangeMode::psk_dhe_ke;
  return std::nullopt;
}

const SettingKey<PeerSettings> kPeerKeys[] = {
    {"identity", [](R r, V v, P p) { p.identity = r.text(v); },
     "server: the test PKI identity to serve (default: by the suite's key exchange)"},
    {"client_certificate", [](R r, V v, P p) { p.client_certificate = r.text(v); },
     "client: the test PKI identity to offer when asked"},
    {"client_auth",
     [](R r, V v, P p) { p.client_auth = r.config_name(v, &client_auth_from_name, "client_auth"); },
     "server: none, optional or required: ask the SUT client for a certificate"},
    {"min_version", [](R r, V v, P p) { p.min_version = r.version(v); },
     "the lowest version offered or accepted (default: the case's)"},
    {"max_version", [](R r, V v, P p) { p.max_version = r.version(v); },
     "the highest version offered or accepted (default: the case's)"},
    {"extra_suites", [](R r, V v, P p) { p.extra_suites = r.suites(v); },
     "suites offered after the case's suite"},
    {"extended_master_secret", [](R r, V v, P p) { p.extended_master_secret = r.boolean(v); },
     "RFC 7627 (default true)"},
    {"encrypt_then_mac", [](R r, V v, P p) { p.encrypt_then_mac = r.boolean(v); },
     "RFC 7366 (default true)"},
    {"renegotiation_info", [](R r, V v, P p) { p.renegotiation_info = r.boolean(v); },
     "RFC 5746 (default true)"},
    {"tickets", [](R r, V v, P p) { p.tickets = r.boolean(v); },
     "RFC 5077 session tickets (default true)"},
    {"fallback_scsv", [](R r, V v, P p) { p.fallback_scsv = r.boolean(v); },
     "client: offer TLS_FALLBACK_SCSV (RFC 7507)"},
    {"sslv2_hello", [](R r, V v, P p) { p.sslv2_hello = r.boolean(v); },
     "client: send an SSL 2.0-compatible ClientHello (RFC 5246 E.2)"},
    {"hello_retry", [](R r, V v, P p) { p.hello_retry = r.boolean(v); },
     "server: answer a TLS 1.3 ClientHello with a HelloRetryRequest and a cookie, even one with a "
     "share we take (RFC 8446 §4.1.4)"},
    {"retry_cookie", [](R r, V v, P p) { p.retry_cookie = r.hex(v); },
     "server: the cookie our HelloRetryRequests carry, hex (default: 32 random bytes)"},
    {"max_fragment_length",
     [](R r, V v, P p) {
       p.max_fragment_length = static_cast<uint8_t>(r.integer(v, 4));
       if (*p.max_fragment_length == 0) r.fail(v, "max_fragment_length is 1 to 4");
     },
     "1 to 4: ask for 2^9 to 2^12-byte records (RFC 6066 §4)"},
    {"record_size_limit",
     [](R r, V v, P p) {
       p.record_size_limit = static_cast<uint16_t>(r.integer(v, 16385));
       if (*p.record_size_limit < 64) r.fail(v, "record_size_limit is at least 64");
     },
     "64 to 16385 (RFC 8449)"},
    {"server_name", [](R r, V v, P p) { p.server_name = r.text(v); },
     "client: the SNI host name to send (default: the target's)"},
    {"alpn",
     [](R r, V v, P p) {
       p.alpn.clear();
       for (const auto& a : v) p.alpn.push_back(r.text(a));
     },
     "protocol names to offer or accept (RFC 7301)"},
    {"groups", [](R r, V v, P p) { p.groups = list(r, v, &named_group_from_name, "group"); },
     "the named groups to offer or accept, in order"},
    {"signature_schemes",
     [](R r, V v, P p) {
       p.signature_schemes = list(r, v, &signature_scheme_from_name, "signature scheme");
     },
     "the signature schemes to offer or accept, in order"},
    {"middlebox_compat", [](R r, V v, P p) { p.middlebox_compat = r.boolean(v); },
     "TLS 1.3 middlebox compatibility mode: legacy_session_id and ChangeCipherSpec (RFC 8446 D.4, default true)"},
    {"tls13_padding",
     [](R r, V v, P p) {
       if (v.IsScalar() && r.text(v) == "maximal") {
         p.tls13_padding = {RecordPadding::Mode::maximal, 0};
       } else {
         p.tls13_padding = {RecordPadding::Mode::to_block, r.integer(v, 1 << 14)};
         if (p.tls13_padding.block == 0) r.fail(v, "tls13_padding is a block size of 1 or more");
       }
     },
     "N: each TLS 1.3 record padded to a multiple of N bytes; maximal: to 2^14 (RFC 8446 §5.4)"},
    {"psk_modes",
     [](R r, V v, P p) { p.psk_modes = list(r, v, &psk_mode_from_name, "psk mode"); },
     "client: the TLS 1.3 psk_key_exchange_modes offered, psk_ke and psk_dhe_ke; []: none sent"},
    {"max_early_data",
     [](R r, V v, P p) { p.max_early_data = static_cast<uint32_t>(r.integer(v, 0xffffffff)); },
     "server: the TLS 1.3 0-RTT data our tickets allow and we take, in bytes (RFC 8446 §4.2.10)"},
};

}  // namespace

std::span<const SettingKey<PeerSettings>> peer_keys() { return kPeerKeys; }

}  // namespace gauntlet::conformance
