// max_fragment_length (RFC 6066 §4): the client asks for smaller records
// both ways; the server echoes the request. record_size_limit takes its
// place when the client sends both (RFC 8449 §5). The record layer applies
// HelloState::max_fragment_length from ServerHello on.
#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.max_fragment_length) return std::nullopt;
  return MaxFragmentLength{*s.config.max_fragment_length};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const auto* mfl = body_as<MaxFragmentLength>(body);
  if (mfl && !find_body(s.hs.client_hello.extensions, ExtensionType::record_size_limit)) {
    s.hs.max_fragment_length = mfl->code;
  }
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.hs.max_fragment_length) return std::nullopt;
  return MaxFragmentLength{*s.hs.max_fragment_length};
}

Status on_reply(HelloScope& s, const Reply& r) {
  const auto* mfl = body_as<MaxFragmentLength>(r.body);
  if (!mfl) return ok_status();
  if (mfl->code != s.config.max_fragment_length) {
    return illegal_parameter("max_fragment_length differs from the request");
  }
  s.hs.max_fragment_length = mfl->code;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kMaxFragmentLengthRow{
    .type = ExtensionType::max_fragment_length,
    .replies_in = in(ExtensionContext::server_hello),
    .tls13_replies_in = in(ExtensionContext::encrypted_extensions),
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
