// signature_algorithms_cert (RFC 8446 §4.2.3): the schemes a side accepts in
// certificate chains, when they differ from those of signature_algorithms.
// Sent only when Config names them; a server keeps the client's list for its
// choice of identity (server_hello.cc). TLS 1.2 servers read it too (§4.2.3:
// they SHOULD). In a CertificateRequest it is authentication_13.cc's.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (s.config.signature_schemes_cert.empty() ||
      s.hs.client_hello.legacy_version < ProtocolVersion::tls12) {
    return std::nullopt;
  }
  return SignatureAlgorithmsCert{s.config.signature_schemes_cert};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (const auto* schemes = body_as<SignatureAlgorithmsCert>(body)) {
    s.hs.peer_signature_algorithms_cert = schemes->values;
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kSignatureAlgorithmsCertRow{
    .type = ExtensionType::signature_algorithms_cert,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
};

}  // namespace gauntlet
