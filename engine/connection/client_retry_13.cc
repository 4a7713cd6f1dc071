// A HelloRetryRequest as the client meets it (RFC 8446 §4.1.4): checked as a
// ServerHello is, its extensions read by their rows (key_share's group,
// cookie), then our second ClientHello (§4.1.2) and the ServerHello after it.
#include "engine/connection/client_handshake.h"
#include "engine/connection/extensions/extension_table.h"
#include "engine/messages/framing/handshake_message.h"

namespace gauntlet {

Status ClientHandshake::on_hello_retry_request(Link& link, const ServerHello& hrr,
                                               ByteView body) {
  HelloState& h = hello_;
  if (auto st = read_hello_13(link, hrr, ExtensionContext::hello_retry_request); !st) return st;
  // §4.1.4: a retry that would leave our ClientHello as it was.
  if (!h.retry_group && h.cookie.empty()) {
    return illegal_parameter("HelloRetryRequest that changes nothing in our ClientHello");
  }
  // §4.4.1: the first ClientHello enters the transcript as its hash. The
  // driver has hashed the HelloRetryRequest after it: take both out.
  const Bytes retry = HandshakeMessage{HandshakeType::server_hello, Bytes(body.begin(), body.end())}
                          .serialize();
  const Bytes& so_far = transcript_.messages();
  hash_first_client_hello(ByteView(so_far).first(so_far.size() - retry.size()));
  transcript_.update(retry);
  order_.set_shape(HandshakeShape::tls13_retry);
  // §4.2.10: a client asked to retry drops its 0-RTT data, and its second
  // ClientHello goes in the clear, without early_data.
  if (h.early_data_offered) {
    h.early_data_offered = false;
    if (auto st = drop_early_write_key(link); !st) return st;
  }
  // §4.2.11: a ticket is offered again only if its hash is the suite's.
  if (early_ && early_->hash() != h.suite.get().prf_hash) {
    early_.reset();
    h.offered.reset();
  }
  // §5.1: legacy_record_version is 0x0303 for all but the first ClientHello.
  link.records.set_version(ProtocolVersion::tls12);
  return ok_status();
}

// §4.1.2: the same hello but for a share of the group asked for, the
// cookie echoed (the extension rows write both from what they read) and
// pre_shared_key recomputed; D.4: in compatibility mode our
// ChangeCipherSpec goes first.
Status ClientHandshake::send_second_client_hello(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  if (h.retry_group) {
    if (auto st = offer_shares(link, {&*h.retry_group, 1}); !st) return st;
  }
  if (c.middlebox_compat) {
    if (auto st = send_compat_change_cipher_spec(link); !st) return st;
  }
  ClientHello& ch = h.client_hello;
  ch.extensions = client_hello_extensions(hello_scope(link), true);
  if (c.bugs.hello_edits_in.value_or(WhichHello::second) == WhichHello::second) {
    apply_client_hello_bugs(c.bugs, ch);
  }
  if (c.pad_client_hello) pad_client_hello(ch);
  // §4.2.11.2: the ticket's age now, and its binder over the new transcript.
  if (auto st = bind_psk(link); !st) return st;
  return send_message(link, HandshakeType::client_hello, ch.serialize());
}

// §4.1.4: no second HelloRetryRequest, and the suite and version the first
// named.
Status ClientHandshake::on_server_hello_after_retry(Link& link, ByteView body) {
  auto sh = ServerHello::parse(body);
  if (!sh) return sh.error();
  if (sh->is_hello_retry_request()) {
    return Error{AlertDescription::unexpected_message, "a second HelloRetryRequest"};
  }
  if (sh->cipher_suite != hello_.suite.get().suite) {
    return illegal_parameter("ServerHello's suite differs from the HelloRetryRequest's");
  }
  if (!find_body(sh->extensions, ExtensionType::supported_versions)) {
    return illegal_parameter("ServerHello after a HelloRetryRequest without supported_versions");
  }
  return on_server_hello_13(link, *sh);
}

}  // namespace gauntlet
