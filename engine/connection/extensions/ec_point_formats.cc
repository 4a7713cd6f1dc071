// ec_point_formats (RFC 8422 §5.1.2): we speak uncompressed points only, and
// say so whenever we may do ECDHE; a server answers only an ECDHE suite.
#include <algorithm>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

bool is_ecdhe(KeyExchange k) { return k == KeyExchange::ecdhe_rsa || k == KeyExchange::ecdhe_ecdsa; }

EcPointFormats uncompressed_only() { return EcPointFormats{{ECPointFormat::uncompressed}}; }

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  // RFC 8446 §4.2.7: TLS 1.3 has no point formats to agree.
  if (s.config.min_version >= ProtocolVersion::tls13) return std::nullopt;
  const bool any_ecdhe = std::ranges::any_of(s.hs.client_hello.cipher_suites, [](CipherSuite c) {
    return is_ecdhe(cipher_suite_info(c)->key_exchange);
  });
  const bool any_curve =
      std::ranges::any_of(s.config.groups, [](NamedGroup g) { return !is_ffdhe(g); });
  if (!any_ecdhe && !any_curve) return std::nullopt;
  return uncompressed_only();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!is_ecdhe(s.hs.suite.get().key_exchange) ||
      !find_body(s.hs.client_hello.extensions, ExtensionType::ec_point_formats)) {
    return std::nullopt;
  }
  return uncompressed_only();
}

Status on_reply(HelloScope&, const Reply& r) {
  const auto* pf = body_as<EcPointFormats>(r.body);
  if (pf && std::ranges::find(pf->values, ECPointFormat::uncompressed) == pf->values.end()) {
    return illegal_parameter("ec_point_formats without uncompressed (RFC 8422 §5.2)");
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kEcPointFormatsRow{
    .type = ExtensionType::ec_point_formats,
    .replies_in = in(ExtensionContext::server_hello),
    .add_to_client_hello = add_to_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
