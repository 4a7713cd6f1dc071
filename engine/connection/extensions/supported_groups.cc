// supported_groups (RFC 8422 §5.1.1, RFC 7919 §3): the curves and FFDHE
// groups the client takes. The server keeps the list for its choice of suite,
// curve and group (server_handshake.cc), and in TLS 1.3 for its key share
// (server_hello_13.cc); it never answers.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (s.config.groups.empty()) return std::nullopt;
  return SupportedGroups{s.config.groups};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (const auto* groups = body_as<SupportedGroups>(body)) s.hs.peer_groups = groups->values;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kSupportedGroupsRow{
    .type = ExtensionType::supported_groups,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
};

}  // namespace gauntlet
