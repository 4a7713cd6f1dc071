// extended_master_secret (RFC 7627): the master secret covers the session
// hash. Agreed when both sides send it; Config::require_extended_master_secret
// refuses a peer without it (RFC 7627 §5.2, §5.3).
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

Status agree(HelloScope& s, bool agreed, const char* peer) {
  s.hs.extended_master_secret = agreed;
  if (s.config.require_extended_master_secret && !agreed) {
    return Error{AlertDescription::handshake_failure,
                 std::string(peer) + " does not support RFC 7627"};
  }
  return ok_status();
}

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.extended_master_secret) return std::nullopt;
  return ExtendedMasterSecret{};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  return agree(s, s.config.extended_master_secret && body_as<ExtendedMasterSecret>(body), "client");
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.hs.extended_master_secret) return std::nullopt;
  return ExtendedMasterSecret{};
}

Status on_reply(HelloScope& s, const Reply& r) {
  return agree(s, body_as<ExtendedMasterSecret>(r.body) != nullptr, "server");
}

}  // namespace

constinit const ExtensionRow kExtendedMasterSecretRow{
    .type = ExtensionType::extended_master_secret,
    .replies_in = in(ExtensionContext::server_hello),
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
