// post_handshake_auth (RFC 8446 §4.2.6): a client that will answer a
// CertificateRequest after the handshake says so, with an empty body, in its
// ClientHello only (§4.2's table). Nobody answers it; the server notes it,
// and what the connection does with it is post_handshake_auth_13.cc's.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.post_handshake_auth || s.config.max_version < ProtocolVersion::tls13) {
    return std::nullopt;
  }
  return PostHandshakeAuth{};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  s.hs.post_handshake_auth = body_as<PostHandshakeAuth>(body) != nullptr;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kPostHandshakeAuthRow{
    .type = ExtensionType::post_handshake_auth,
    .up_to_tls12 = false,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
};

}  // namespace gauntlet
