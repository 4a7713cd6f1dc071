// psk_key_exchange_modes (RFC 8446 §4.2.9): a client that offers TLS 1.3 and
// takes tickets names the modes it would resume them with
// (Config::psk_modes: psk_dhe_ke, as OpenSSL's does, by default); the server
// keeps them to choose from. A ClientHello offering a PSK without it is
// refused.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.hs.offers_tls13 || !s.config.offer_tickets || s.config.psk_modes.empty()) {
    return std::nullopt;
  }
  return PskKeyExchangeModes{s.config.psk_modes};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  if (!body && find_body(s.hs.client_hello.extensions, ExtensionType::pre_shared_key)) {
    return Error{AlertDescription::missing_extension,
                 "pre_shared_key without psk_key_exchange_modes"};
  }
  if (const auto* modes = body_as<PskKeyExchangeModes>(body)) s.hs.peer_psk_modes = modes->values;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kPskKeyExchangeModesRow{
    .type = ExtensionType::psk_key_exchange_modes,
    .up_to_tls12 = false,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
};

}  // namespace gauntlet
