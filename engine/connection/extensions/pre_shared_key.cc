// pre_shared_key (RFC 8446 §4.2.11): a client with a TLS 1.3 ticket offers
// it, with the obfuscated ticket age (§4.2.11.1) and a binder the hello
// code fills in once the rest of the hello is fixed (client_hello_13.cc);
// the server keeps the offer, whose identities it tries in
// server_psk_13.cc, and names the one it selected, which must be one we
// offered. It must be the ClientHello's last extension (illegal_parameter).
#include "engine/connection/extensions/extension.h"
#include "engine/crypto/hash.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  const std::optional<Session>& ticket = s.hs.offered;
  if (!s.hs.offers_tls13 || !ticket || ticket->version != ProtocolVersion::tls13) {
    return std::nullopt;
  }
  const CipherSuiteInfo* suite = cipher_suite_info(ticket->suite);
  if (!suite) return std::nullopt;
  // §4.2.11.1: the age in milliseconds plus ticket_age_add, modulo 2^32.
  const int64_t age_seconds = s.config.clock->now() - ticket->created;
  const auto age = static_cast<uint32_t>(static_cast<uint64_t>(age_seconds) * 1000);
  const Bugs& bugs = s.config.bugs;
  return OfferedPsks{{PskIdentity{bugs.psk_identity.value_or(ticket->ticket),
                                  bugs.obfuscated_ticket_age.value_or(age + ticket->ticket_age_add)}},
                     {Bytes(digest_size(suite->prf_hash), 0)}};
}

Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const auto* offered = body_as<OfferedPsks>(body);
  // A second ClientHello may drop the offer (§4.1.2): none is kept then.
  s.hs.peer_psks.reset();
  if (!offered) return ok_status();
  if (s.hs.client_hello.extensions->list.back().type != ExtensionType::pre_shared_key) {
    return illegal_parameter("pre_shared_key is not the last extension of the ClientHello");
  }
  s.hs.peer_psks = *offered;
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.hs.selected_psk) return std::nullopt;
  return SelectedPsk{*s.hs.selected_psk};
}

// §4.2.11: the selected identity must be one we offered; we offer one.
Status on_reply(HelloScope& s, const Reply& r) {
  const auto* selected = body_as<SelectedPsk>(r.body);
  if (!selected) return ok_status();
  if (selected->selected_identity != 0) {
    return illegal_parameter("server selected PSK identity " +
                             std::to_string(selected->selected_identity) + " of one offered");
  }
  s.hs.selected_psk = selected->selected_identity;
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kPreSharedKeyRow{
    .type = ExtensionType::pre_shared_key,
    .tls13_replies_in = in(ExtensionContext::server_hello),
    .up_to_tls12 = false,
    .in_tls13 = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
