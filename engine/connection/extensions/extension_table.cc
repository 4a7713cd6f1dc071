#include "engine/connection/extensions/extension_table.h"

#include <algorithm>
#include <array>

namespace gauntlet {
namespace {

constinit const std::array kClientHelloOrder{
    &kServerNameRow,         &kEcPointFormatsRow,  &kSupportedGroupsRow,
    &kSessionTicketRow,      &kSignatureAlgorithmsRow, &kSignatureAlgorithmsCertRow,
    &kAlpnRow,
    &kEncryptThenMacRow,     &kExtendedMasterSecretRow, &kMaxFragmentLengthRow,
    &kRecordSizeLimitRow,    &kRenegotiationInfoRow,    &kSupportedVersionsRow,
    &kKeyShareRow,           &kCookieRow,               &kEarlyDataRow,
    &kPskKeyExchangeModesRow, &kPostHandshakeAuthRow,
    &kPreSharedKeyRow,
};

// Reading a ClientHello in this order keeps today's alert precedence:
// renegotiation_info, then extended_master_secret, then ALPN. Rows that never
// answer come last. supported_versions settles the version the rest see;
// key_share and cookie, which only keep what the client sent, answer before
// it, as RFC 8448's ServerHello and HelloRetryRequest have them;
// pre_shared_key, a TLS 1.3 row, after it. pre_shared_key is last in our
// ClientHello, as it must be (RFC 8446 §4.2.11).
constinit const std::array kServerOrder{
    &kKeyShareRow,          &kCookieRow,               &kSupportedVersionsRow,
    &kPreSharedKeyRow,      &kEarlyDataRow,
    &kRenegotiationInfoRow, &kExtendedMasterSecretRow, &kEncryptThenMacRow,
    &kSessionTicketRow,     &kAlpnRow,                 &kServerNameRow,
    &kMaxFragmentLengthRow, &kRecordSizeLimitRow,      &kEcPointFormatsRow,
    &kSupportedGroupsRow,   &kSignatureAlgorithmsRow,  &kSignatureAlgorithmsCertRow,
    &kPskKeyExchangeModesRow,
    &kPostHandshakeAuthRow,
};

bool tls13(const HelloScope& s) { return s.hs.version >= ProtocolVersion::tls13; }

bool replies_in(const HelloScope& s, const ExtensionRow& row, ExtensionContext kind) {
  return ((tls13(s) ? row.tls13_replies_in : row.replies_in) & in(kind)) != 0;
}

}  // namespace

std::span<const ExtensionRow* const> client_hello_order() { return kClientHelloOrder; }
std::span<const ExtensionRow* const> server_order() { return kServerOrder; }

const ExtensionRow* find_row(ExtensionType type) {
  for (const ExtensionRow* row : kClientHelloOrder)
    if (row->type == type) return row;
  return nullptr;
}

const ExtensionBody* find_body(const std::optional<Extensions>& extensions, ExtensionType type) {
  if (!extensions) return nullptr;
  const Extension* e = extensions->find(type);
  return e ? &e->body : nullptr;
}

std::optional<Extensions> client_hello_extensions(const HelloScope& s, bool tls) {
  Extensions out;
  for (const ExtensionRow* row : kClientHelloOrder) {
    if (!tls && !(row->in_ssl3_renegotiation && s.renegotiating)) continue;
    if (auto body = row->add_to_client_hello(s)) out.list.push_back({row->type, std::move(*body)});
  }
  if (out.list.empty()) return std::nullopt;
  return out;
}

Status on_client_hello(HelloScope& s) {
  for (const ExtensionRow* row : kServerOrder) {
    if (!row->on_client_hello || !(tls13(s) ? row->in_tls13 : row->up_to_tls12)) continue;
    const ExtensionBody* body = find_body(s.hs.client_hello.extensions, row->type);
    if (auto st = row->on_client_hello(s, body); !st) return st;
  }
  return ok_status();
}

std::optional<Extensions> reply_extensions(HelloScope& s, ExtensionContext kind) {
  Extensions out;
  for (const ExtensionRow* row : kServerOrder) {
    if (!replies_in(s, *row, kind)) continue;
    if (auto body = row->add_to_reply(s, kind)) out.list.push_back({row->type, std::move(*body)});
  }
  if (out.list.empty()) return std::nullopt;
  return out;
}

Status check_solicited(const ClientHello& ours, const Extensions& reply) {
  for (const Extension& e : reply.list) {
    if (find_body(ours.extensions, e.type)) continue;
    const ExtensionRow* row = find_row(e.type);
    if (row && row->asked_without_extension && row->asked_without_extension(ours)) continue;
    return Error{AlertDescription::unsupported_extension,
                 "server sent " + iana_name(e.type) + ", which we did not offer"};
  }
  return ok_status();
}

Status on_reply(HelloScope& s, ExtensionContext kind, const std::optional<Extensions>& reply) {
  if (reply) {
    if (auto st = check_solicited(s.hs.client_hello, *reply); !st) return st;
  }
  // What the reply carries is read first, then what it left out: the rules
  // about an absent extension (RFC 5746 §3.5, RFC 7627 §5.2) come after every
  // check of a present one, as they always have.
  for (const bool present : {true, false}) {
    for (const ExtensionRow* row : kServerOrder) {
      if (!replies_in(s, *row, kind)) continue;
      const ExtensionBody* body = find_body(reply, row->type);
      if ((body != nullptr) != present) continue;
      if (auto st = row->on_reply(s, Reply{kind, reply, body}); !st) return st;
    }
  }
  return ok_status();
}

}  // namespace gauntlet
