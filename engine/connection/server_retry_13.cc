// Our HelloRetryRequest (RFC 8446 §4.1.4) and the second ClientHello it asks
// for: the group we want a share for, a cookie (§4.2.2) when Config has one
// or always asks, the transcript restarted (§4.4.1), and a second hello that
// must be the first but for what the retry allows (§4.1.2).
#include <algorithm>

#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/server_handshake.h"
#include "engine/messages/handshake/server_hello.h"

namespace gauntlet {

using namespace server_phase;

namespace {

// §4.1.2: what a second ClientHello may change.
constexpr ExtensionType kMayChange[] = {
    ExtensionType::key_share, ExtensionType::cookie,  ExtensionType::early_data,
    ExtensionType::pre_shared_key, ExtensionType::padding,
};

ClientHello without_changeable(ClientHello hello) {
  if (hello.extensions) {
    std::erase_if(hello.extensions->list, [](const Extension& e) {
      return std::ranges::find(kMayChange, e.type) != std::end(kMayChange);
    });
  }
  return hello;
}

}  // namespace

Status ServerHandshake::plan_hello_retry(Link& link, bool need_group) {
  const Config& c = link.config;
  HelloState& h = hello_;
  if (need_group) {
    // Our first group the client supports: it sent no share we take.
    const auto group = std::ranges::find_if(c.groups, [&](NamedGroup g) {
      return (ecdh_group(g) || ffdhe_group(g)) &&
             std::ranges::find(*h.peer_groups, g) != h.peer_groups->end();
    });
    if (group == c.groups.end()) {
      return Error{AlertDescription::handshake_failure, "no group in common"};
    }
    h.retry_group = *group;
  }
  if (!c.hello_retry_cookie.empty()) {
    h.cookie = c.hello_retry_cookie;
  } else if (c.always_hello_retry) {
    h.cookie = c.random->bytes(32);
  }
  // §4.1.3, §4.1.4: legacy_session_id_echo.
  h.session_id = h.client_hello.session_id;
  phase_ = Between{};
  order_.set_shape(HandshakeShape::tls13_retry);
  return ok_status();
}

Status ServerHandshake::send_hello_retry_request(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  hash_first_client_hello(transcript_.messages());
  ServerHello hrr{ProtocolVersion::tls12, kHelloRetryRequestRandom, h.session_id,
                  h.suite.get().suite, CompressionMethod::null, std::nullopt};
  HelloScope scope = hello_scope(link);
  hrr.extensions = reply_extensions(scope, ExtensionContext::hello_retry_request);
  apply_retry_bugs(c.bugs, hrr);
  // §5.1: legacy_record_version is 0x0303 from here on.
  link.records.set_version(ProtocolVersion::tls12);
  if (auto st = send_message(link, HandshakeType::server_hello, hrr.serialize()); !st) return st;
  // §4.2.10: 0-RTT data the client sent with its first ClientHello is
  // skipped until its second.
  if (h.early_data_offered) {
    link.records.skip_early_data(RecordLayer::EarlySkip::application_data,
                                 early_data_skip_budget(c));
  }
  // D.4: the ChangeCipherSpec goes after our first handshake message.
  if (c.middlebox_compat && !h.client_hello.session_id.empty()) {
    return send_compat_change_cipher_spec(link);
  }
  return ok_status();
}

Status ServerHandshake::on_second_client_hello(Link& link, ByteView body) {
  auto hello = ClientHello::parse(body);
  if (!hello) return hello.error();
  if (without_changeable(*hello) != without_changeable(hello_.client_hello)) {
    return illegal_parameter("second ClientHello changes more than the HelloRetryRequest allows");
  }
  return process_client_hello(link, *hello);
}

// The rows have read the second ClientHello: the cookie must be ours
// (§4.2.2), the one share for the group we named (§4.2.8), no early_data.
Status ServerHandshake::check_retry_answer(const HelloState& h) const {
  const std::optional<Bytes> ours =
      h.cookie.empty() ? std::nullopt : std::optional<Bytes>(h.cookie);
  if (h.peer_cookie != ours) {
    return illegal_parameter("second ClientHello does not echo our cookie");
  }
  if (h.retry_group && (h.peer_shares.size() != 1 || h.peer_shares[0].group != *h.retry_group)) {
    return illegal_parameter("second ClientHello without exactly a share for " +
                             iana_name(*h.retry_group));
  }
  // §4.2.10: a client that was asked to retry sends no 0-RTT data.
  if (h.early_data_offered) return illegal_parameter("early_data in a second ClientHello");
  return ok_status();
}

}  // namespace gauntlet
