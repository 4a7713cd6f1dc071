// cookie (RFC 8446 §4.2.2): a server may put one in its HelloRetryRequest,
// the one extension it sends unasked; the client copies it into its second
// ClientHello. The row carries it both ways; the server checks the echo
// with the rest of the second ClientHello (server_retry_13.cc).
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (s.hs.cookie.empty()) return std::nullopt;
  return Cookie{s.hs.cookie};
}

// Kept whatever the version, as key_share is: the row reads before
// supported_versions settles it.
Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const auto* cookie = body_as<Cookie>(body);
  s.hs.peer_cookie = cookie ? std::optional<Bytes>(cookie->cookie) : std::nullopt;
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (s.hs.cookie.empty()) return std::nullopt;
  return Cookie{s.hs.cookie};
}

Status on_reply(HelloScope& s, const Reply& r) {
  if (const auto* cookie = body_as<Cookie>(r.body)) s.hs.cookie = cookie->cookie;
  return ok_status();
}

// §4.1.4: a HelloRetryRequest may carry a cookie to any client that offered
// TLS 1.3, which a key share says.
bool asked_without_extension(const ClientHello& ours) {
  return find_body(ours.extensions, ExtensionType::key_share) != nullptr;
}

}  // namespace

constinit const ExtensionRow kCookieRow{
    .type = ExtensionType::cookie,
    .tls13_replies_in = in(ExtensionContext::hello_retry_request),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
    .asked_without_extension = asked_without_extension,
};

}  // namespace gauntlet
