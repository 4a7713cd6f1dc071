// key_share (RFC 8446 §4.2.8): the client's (EC)DHE shares and the server's
// one. The hello code draws the keys (client_hello.cc, server_hello_13.cc)
// and keeps their public values in HelloState; this row carries them and
// checks what the peer sends against what was offered.
#include <algorithm>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.hs.offers_tls13) return std::nullopt;
  return ClientKeyShares{s.hs.our_shares};
}

// Kept whatever the version, which supported_versions settles after this
// row; the server's TLS 1.3 choice checks them (server_hello_13.cc).
Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (const auto* shares = body_as<ClientKeyShares>(body)) s.hs.peer_shares = shares->shares;
  return ok_status();
}

// A HelloRetryRequest names the group it wants a share for (§4.1.4), when
// the client's shares had none we take.
std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext kind) {
  if (kind == ExtensionContext::hello_retry_request) {
    if (!s.hs.retry_group) return std::nullopt;
    return KeyShareHelloRetry{*s.hs.retry_group};
  }
  if (s.hs.our_shares.empty()) return std::nullopt;
  return ServerKeyShare{s.hs.our_shares.front()};
}

// §4.2.8: a HelloRetryRequest's group must be one our supported_groups
// listed and not one we already sent a share for.
Status on_retry_request(HelloScope& s, const Reply& r) {
  const auto* retry = body_as<KeyShareHelloRetry>(r.body);
  if (!retry) return ok_status();
  const NamedGroup g = retry->selected_group;
  const auto& listed = s.config.groups;
  if (std::ranges::find(listed, g) == listed.end()) {
    return illegal_parameter("HelloRetryRequest asks for " + iana_name(g) +
                             ", which we did not offer");
  }
  if (std::ranges::find(s.hs.our_shares, g, &KeyShareEntry::group) != s.hs.our_shares.end()) {
    return illegal_parameter("HelloRetryRequest asks for " + iana_name(g) +
                             ", which our key_share already carries");
  }
  s.hs.retry_group = g;
  return ok_status();
}

// The server's share must be for a group we sent one for. Only a
// resumption in psk_ke mode, which we offered, has none (RFC 8446 §4.2.9).
Status on_reply(HelloScope& s, const Reply& r) {
  if (r.kind == ExtensionContext::hello_retry_request) return on_retry_request(s, r);
  const auto* share = body_as<ServerKeyShare>(r.body);
  const std::vector<PskKeyExchangeMode>& modes = s.config.psk_modes;
  if (!share && s.hs.selected_psk &&
      std::ranges::find(modes, PskKeyExchangeMode::psk_ke) != modes.end()) {
    return ok_status();
  }
  if (!share) return Error{AlertDescription::missing_extension, "ServerHello without key_share"};
  const auto& ours = s.hs.our_shares;
  if (std::ranges::find(ours, share->share.group, &KeyShareEntry::group) == ours.end()) {
    return illegal_parameter("server's key_share is for " + iana_name(share->share.group) +
                             ", which we did not offer");
  }
  s.hs.peer_shares = {share->share};
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kKeyShareRow{
    .type = ExtensionType::key_share,
    .tls13_replies_in =
        in(ExtensionContext::server_hello) | in(ExtensionContext::hello_retry_request),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
