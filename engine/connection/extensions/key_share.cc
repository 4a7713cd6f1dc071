// key_share (RFC 8446 §4.2.8): the client's (EC)DHE shares and the server's
// one. The hello code draws the keys (client_hello.cc, server_hello_13.cc)
// and keeps their public values in HelloState; this row carries them and
// checks what the peer sends against what was offered.
#include <algorithm>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (s.hs.our_shares.empty()) return std::nullopt;
  return ClientKeyShares{s.hs.our_shares};
}

// Kept whatever the version, which supported_versions settles after this
// row; the server's TLS 1.3 choice checks them (server_hello_13.cc).
Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (const auto* shares = body_as<ClientKeyShares>(body)) s.hs.peer_shares = shares->shares;
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (s.hs.our_shares.empty()) return std::nullopt;
  return ServerKeyShare{s.hs.our_shares.front()};
}

// The server's share must be for a group we sent one for.
Status on_reply(HelloScope& s, const Reply& r) {
  const auto* share = body_as<ServerKeyShare>(r.body);
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
    .tls13_replies_in = in(ExtensionContext::server_hello),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
