// server_name (RFC 6066 §3): the client names the host it wants; the server
// picks its certificate by that name and acknowledges it with an empty body.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

// An address is not sent (RFC 6066 §3); the chain is still verified
// against it.
std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  const std::string& name = s.config.bugs.server_name.value_or(s.options.server_name);
  if (name.empty() || is_ip_literal(name)) return std::nullopt;
  return ServerNameList{{name}};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (const auto* sni = body_as<ServerNameList>(body); sni && !sni->host_names.empty()) {
    s.hs.server_name = sni->host_names.front();
  }
  return ok_status();
}

// RFC 6066 §3: acknowledge a name we used, and not on resumption.
std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  const HelloState& h = s.hs;
  if (h.resumed || !h.identity || h.server_name.empty() || !h.identity->matches(h.server_name)) {
    return std::nullopt;
  }
  return ServerNameAck{};
}

// The session is for the name we asked for, acknowledged or not.
Status on_reply(HelloScope& s, const Reply&) {
  s.hs.server_name = s.options.server_name;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kServerNameRow{
    .type = ExtensionType::server_name,
    .replies_in = in(ExtensionContext::server_hello),
    .tls13_replies_in = in(ExtensionContext::encrypted_extensions),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
