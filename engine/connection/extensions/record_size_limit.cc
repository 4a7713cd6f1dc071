// record_size_limit (RFC 8449): each side announces the largest protected
// record it will take. A server answers a client's limit with its own. The
// record layer applies HelloState::peer_record_size_limit after
// ChangeCipherSpec (handshake_common.cc).
#include "engine/connection/extensions/extension.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.record_size_limit) return std::nullopt;
  return RecordSizeLimit{*s.config.record_size_limit};
}

// Both sides read the peer's limit the same way.
Status take_limit(HelloScope& s, const ExtensionBody* body) {
  if (const auto* rsl = body_as<RecordSizeLimit>(body)) s.hs.peer_record_size_limit = rsl->limit;
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.hs.peer_record_size_limit) return std::nullopt;
  return RecordSizeLimit{s.config.record_size_limit.value_or(static_cast<uint16_t>(kMaxPlaintext))};
}

Status on_reply(HelloScope& s, const Reply& r) {
  return take_limit(s, r.body);
}

}  // namespace

constinit const ExtensionRow kRecordSizeLimitRow{
    .type = ExtensionType::record_size_limit,
    .replies_in = in(ExtensionContext::server_hello),
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = take_limit,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
