// The client's TLS 1.3 hellos (RFC 8446 §4.1): the key share our ClientHello
// offers, and a ServerHello that names TLS 1.3 in supported_versions, which
// fixes the suite and group and starts the handshake keys.
#include <algorithm>

#include "engine/connection/client_handshake.h"
#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/negotiation.h"

namespace gauntlet {

using namespace client_phase;

Status ClientHandshake::offer_share(Link& link, NamedGroup group) {
  auto key = EphemeralKey::generate_tls13(group, *link.config.random);
  if (!key) return key.error();
  hello_.our_shares = {{group, key->public_value()}};
  OfferedShares offered;
  offered.keys.emplace_back(group, std::move(key).value());
  phase_ = std::move(offered);
  return ok_status();
}

Status ClientHandshake::offer_tls13(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  // One share, for our first group (§4.2.8); a server that wants another
  // asks with a HelloRetryRequest.
  const auto group = std::ranges::find_if(
      c.groups, [](NamedGroup g) { return ecdh_group(g) || ffdhe_group(g); });
  if (group == c.groups.end()) return internal_error("no group for a TLS 1.3 key share");
  if (auto st = offer_share(link, *group); !st) return st;
  // D.4: a non-empty legacy_session_id puts the server in compatibility mode.
  if (c.middlebox_compat && h.client_hello.session_id.empty()) {
    h.client_hello.session_id = c.random->bytes(32);
  }
  return ok_status();
}

Status ClientHandshake::read_hello_13(Link& link, const ServerHello& sh, ExtensionContext kind) {
  HelloState& h = hello_;
  // §4.1.3: legacy_version is 0x0303; the version is in supported_versions.
  if (sh.legacy_version != ProtocolVersion::tls12) {
    return Error{AlertDescription::protocol_version, "TLS 1.3 ServerHello with legacy_version " +
                                                         iana_name(sh.legacy_version)};
  }
  if (auto st = check_tls13_placement(kind, sh.extensions); !st) return st;
  if (sh.session_id != h.client_hello.session_id) {
    return illegal_parameter("legacy_session_id_echo differs from our legacy_session_id");
  }
  const CipherSuiteInfo* suite = cipher_suite_info(sh.cipher_suite);
  if (std::ranges::find(h.client_hello.cipher_suites, sh.cipher_suite) ==
          h.client_hello.cipher_suites.end() ||
      !suite || !suite_usable(*suite, ProtocolVersion::tls13)) {
    return illegal_parameter("server chose " + iana_name(sh.cipher_suite) +
                             ", not a TLS 1.3 suite we offered");
  }
  if (sh.compression_method != CompressionMethod::null) {
    return illegal_parameter("TLS 1.3 ServerHello with a compression method");
  }
  h.version = ProtocolVersion::tls13;
  h.suite = *suite;
  HelloScope scope = hello_scope(link);
  return on_reply(scope, kind, sh.extensions);
}

Status ClientHandshake::on_server_hello_13(Link& link, const ServerHello& sh) {
  const Config& c = link.config;
  HelloState& h = hello_;
  if (auto st = read_hello_13(link, sh, ExtensionContext::server_hello); !st) return st;
  h.server_random = sh.random;
  h.session_id = sh.session_id;

  auto* offered = std::get_if<OfferedShares>(&phase_);
  if (!offered) return internal_error("TLS 1.3 ServerHello without our key shares");
  const KeyShareEntry& theirs = h.peer_shares.front();
  const auto ours = std::ranges::find(offered->keys, theirs.group,
                                      &std::pair<NamedGroup, EphemeralKey>::first);
  if (ours == offered->keys.end()) return internal_error("no key for the server's group");
  auto secret = ours->second.shared_secret(theirs.key_exchange);
  if (!secret) return secret.error();
  group_ = theirs.group;
  phase_ = Between{};
  // §5.1: legacy_record_version is 0x0303 from here on.
  link.records.set_version(ProtocolVersion::tls12);
  if (c.middlebox_compat) {
    if (auto st = send_compat_change_cipher_spec(link); !st) return st;
  }
  return start_tls13_keys(link, *secret);
}

}  // namespace gauntlet
