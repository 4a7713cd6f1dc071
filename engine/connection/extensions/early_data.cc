// early_data (RFC 8446 §4.2.10): a client sending 0-RTT data says so in its
// ClientHello (the hello code decides, client_hello_13.cc); a server that
// accepts it answers in EncryptedExtensions (server_psk_13.cc decides).
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.hs.early_data_offered) return std::nullopt;
  return EarlyDataIndication{};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  s.hs.early_data_offered = body_as<EarlyDataIndication>(body) != nullptr;
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.hs.early_data_accepted) return std::nullopt;
  return EarlyDataIndication{};
}

Status on_reply(HelloScope& s, const Reply& r) {
  s.hs.early_data_accepted = body_as<EarlyDataIndication>(r.body) != nullptr;
  // §4.2.10: early data rides only with the first identity.
  if (s.hs.early_data_accepted && s.hs.selected_psk != 0) {
    return illegal_parameter("early_data accepted with a PSK other than the first");
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kEarlyDataRow{
    .type = ExtensionType::early_data,
    .tls13_replies_in = in(ExtensionContext::encrypted_extensions),
    .up_to_tls12 = false,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
