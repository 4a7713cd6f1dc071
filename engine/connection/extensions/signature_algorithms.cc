// signature_algorithms (RFC 5246 §7.4.1.4.1, RFC 8446 §4.2.3): the schemes a
// client verifies. The server keeps the list for its choice of identity and scheme
// (server_handshake.cc); it never answers.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (s.hs.client_hello.legacy_version < ProtocolVersion::tls12) return std::nullopt;
  return SignatureAlgorithms{s.config.signature_schemes};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (const auto* schemes = body_as<SignatureAlgorithms>(body)) {
    s.hs.peer_signature_algorithms = schemes->values;
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kSignatureAlgorithmsRow{
    .type = ExtensionType::signature_algorithms,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
};

}  // namespace gauntlet
