#include "engine/messages/extensions/extensions.h"

#include <set>
#include <string>

#include "engine/messages/common/codec.h"

namespace gauntlet {
namespace {

template <typename T>
Result<ExtensionBody> as(ByteView body) {
  auto parsed = T::parse(body);
  if (!parsed) return parsed.error();
  return ExtensionBody(std::move(*parsed));
}

Result<ExtensionBody> raw(ByteView body) {
  return ExtensionBody(RawExtension{Bytes(body.begin(), body.end())});
}

// Which body an extension has in which message: RFC 8446 §4.2's table, plus
// the TLS 1.2 ServerHello uses of RFC 5246, 6066, 7301, 7366, 7627, 5746 and
// 5077. Anything not listed is kept raw.
Result<ExtensionBody> parse_body(ExtensionType type, ExtensionContext context, ByteView body) {
  using T = ExtensionType;
  using C = ExtensionContext;
  const bool ch = context == C::client_hello;
  const bool sh = context == C::server_hello;
  const bool hrr = context == C::hello_retry_request;
  const bool ee = context == C::encrypted_extensions;
  const bool cr = context == C::certificate_request;
  switch (type) {
    case T::server_name:
      if (ch) return as<ServerNameList>(body);
      if (sh || ee) return as<ServerNameAck>(body);
      break;
    case T::max_fragment_length:
      if (ch || sh || ee) return as<MaxFragmentLength>(body);
      break;
    case T::status_request:
      // RFC 8446 §4.4.2.1: a CertificateRequest asks for OCSP with an
      // empty one, as a TLS 1.2 ServerHello acknowledges (RFC 6066 §8).
      if (ch) return as<StatusRequest>(body);
      if (sh || cr) return as<StatusRequestAck>(body);
      break;
    case T::supported_groups:
      if (ch || ee) return as<SupportedGroups>(body);
      break;
    case T::ec_point_formats:
      if (ch || sh) return as<EcPointFormats>(body);
      break;
    case T::signature_algorithms:
      if (ch || cr) return as<SignatureAlgorithms>(body);
      break;
    case T::signature_algorithms_cert:
      if (ch || cr) return as<SignatureAlgorithmsCert>(body);
      break;
    case T::heartbeat:
      if (ch || sh || ee) return as<Heartbeat>(body);
      break;
    case T::application_layer_protocol_negotiation:
      if (ch || sh || ee) return as<Alpn>(body);
      break;
    case T::padding:
      if (ch) return as<Padding>(body);
      break;
    case T::encrypt_then_mac:
      if (ch || sh) return as<EncryptThenMac>(body);
      break;
    case T::extended_master_secret:
      if (ch || sh) return as<ExtendedMasterSecret>(body);
      break;
    case T::record_size_limit:
      if (ch || sh || ee) return as<RecordSizeLimit>(body);
      break;
    case T::session_ticket:
      if (ch || sh) return as<SessionTicketExtension>(body);
      break;
    case T::pre_shared_key:
      if (ch) return as<OfferedPsks>(body);
      if (sh) return as<SelectedPsk>(body);
      break;
    case T::early_data:
      if (ch || ee) return as<EarlyDataIndication>(body);
      if (context == C::new_session_ticket) return as<MaxEarlyDataSize>(body);
      break;
    case T::supported_versions:
      if (ch) return as<SupportedVersionsList>(body);
      if (sh || hrr) return as<SelectedVersion>(body);
      break;
    case T::cookie:
      if (ch || hrr) return as<Cookie>(body);
      break;
    case T::psk_key_exchange_modes:
      if (ch) return as<PskKeyExchangeModes>(body);
      break;
    case T::post_handshake_auth:
      if (ch) return as<PostHandshakeAuth>(body);
      break;
    case T::key_share:
      if (ch) return as<ClientKeyShares>(body);
      if (sh) return as<ServerKeyShare>(body);
      if (hrr) return as<KeyShareHelloRetry>(body);
      break;
    case T::renegotiation_info:
      if (ch || sh) return as<RenegotiationInfo>(body);
      break;
    default:
      break;
  }
  return raw(body);
}

}  // namespace

Result<Extensions> Extensions::parse(ByteView body, ExtensionContext context) {
  Reader r(body);
  Extensions out;
  std::set<uint16_t> seen;
  while (!r.empty()) {
    uint16_t type;
    Reader ext_body;
    if (!r.u16(type) || !r.prefixed16(ext_body)) return truncated("extension");
    if (!seen.insert(type).second) {
      return illegal_parameter("extension " + iana_name(static_cast<ExtensionType>(type)) +
                               " appears twice");
    }
    auto parsed = parse_body(static_cast<ExtensionType>(type), context, ext_body.rest());
    if (!parsed) return parsed.error();
    out.list.push_back({static_cast<ExtensionType>(type), std::move(*parsed)});
  }
  return out;
}

void Extensions::serialize(Writer& w) const {
  Writer block = w.prefixed16();
  for (const Extension& e : list) {
    block.u16(static_cast<uint16_t>(e.type));
    Writer body = block.prefixed16();
    std::visit([&](const auto& b) { b.serialize(body); }, e.body);
  }
}

const Extension* Extensions::find(ExtensionType type) const {
  for (const Extension& e : list)
    if (e.type == type) return &e;
  return nullptr;
}

Result<std::optional<Extensions>> parse_optional_extensions(Reader& r, ExtensionContext context) {
  if (r.empty()) return std::optional<Extensions>{};
  Reader block;
  if (!r.prefixed16(block)) return truncated("extensions block");
  if (Status s = expect_end(r, "extensions block"); !s) return s.error();
  auto parsed = Extensions::parse(block.rest(), context);
  if (!parsed) return parsed.error();
  return std::optional<Extensions>{std::move(*parsed)};
}

}  // namespace gauntlet
