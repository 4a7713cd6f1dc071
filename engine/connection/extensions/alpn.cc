// application_layer_protocol_negotiation (RFC 7301): the server picks the
// first of its protocols the client offers, and answers with that one only.
#include <algorithm>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (s.config.alpn.empty()) return std::nullopt;
  return Alpn{s.config.alpn};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const auto* alpn = body_as<Alpn>(body);
  if (!alpn || s.config.alpn.empty()) return ok_status();
  for (const std::string& p : s.config.alpn) {
    if (std::ranges::find(alpn->protocols, p) != alpn->protocols.end()) {
      s.hs.alpn = p;
      break;
    }
  }
  // RFC 7301 §3.2.
  if (s.hs.alpn.empty()) {
    return Error{AlertDescription::no_application_protocol, "no ALPN protocol in common"};
  }
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (s.hs.alpn.empty()) return std::nullopt;
  return Alpn{{s.hs.alpn}};
}

Status on_reply(HelloScope& s, const Reply& r) {
  const auto* alpn = body_as<Alpn>(r.body);
  if (!alpn) return ok_status();
  if (alpn->protocols.size() != 1 ||
      std::ranges::find(s.config.alpn, alpn->protocols.front()) == s.config.alpn.end()) {
    return illegal_parameter("server selected an ALPN protocol we did not offer");
  }
  s.hs.alpn = alpn->protocols.front();
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kAlpnRow{
    .type = ExtensionType::application_layer_protocol_negotiation,
    .replies_in = in(ExtensionContext::server_hello),
    .tls13_replies_in = in(ExtensionContext::encrypted_extensions),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
