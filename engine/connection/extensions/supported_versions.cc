// supported_versions (RFC 8446 §4.2.1): the client lists the versions it
// speaks; a server that speaks TLS 1.3 negotiates from that list, never from
// legacy_version, and names TLS 1.3 in its ServerHello. A server capped
// below TLS 1.3 ignores the list, as a TLS 1.2 server does.
#include <algorithm>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

bool speaks_tls13(const Config& c) { return c.max_version >= ProtocolVersion::tls13; }

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!speaks_tls13(s.config)) return std::nullopt;
  SupportedVersionsList list;
  const auto low = std::max(static_cast<uint16_t>(s.config.min_version),
                            static_cast<uint16_t>(ProtocolVersion::ssl3));
  for (auto v = static_cast<uint16_t>(s.config.max_version); v >= low; --v) {
    list.versions.push_back(static_cast<ProtocolVersion>(v));
  }
  return list;
}

// Our highest version the client lists.
Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const auto* list = body_as<SupportedVersionsList>(body);
  if (!list || !speaks_tls13(s.config) || s.renegotiating) return ok_status();
  for (auto v = static_cast<uint16_t>(s.config.max_version);
       v >= static_cast<uint16_t>(s.config.min_version); --v) {
    const auto version = static_cast<ProtocolVersion>(v);
    if (std::ranges::find(list->versions, version) != list->versions.end()) {
      s.hs.version = version;
      return ok_status();
    }
  }
  return Error{AlertDescription::protocol_version, "supported_versions has no version we speak"};
}

std::optional<ExtensionBody> add_to_reply(HelloScope&, ExtensionContext) {
  return SelectedVersion{ProtocolVersion::tls13};
}

// The hello code reads the reply as TLS 1.3 only when it carries this
// extension and we offered TLS 1.3; what it names must be that (§4.1.3).
// A HelloRetryRequest must carry it too (§4.1.4).
Status on_reply(HelloScope&, const Reply& r) {
  const auto* selected = body_as<SelectedVersion>(r.body);
  if (!selected || selected->version != ProtocolVersion::tls13) {
    const bool retry = r.kind == ExtensionContext::hello_retry_request;
    return illegal_parameter(std::string("supported_versions in ") +
                             (retry ? "HelloRetryRequest" : "ServerHello") +
                             " does not name TLS 1.3");
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kSupportedVersionsRow{
    .type = ExtensionType::supported_versions,
    .tls13_replies_in =
        in(ExtensionContext::server_hello) | in(ExtensionContext::hello_retry_request),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
