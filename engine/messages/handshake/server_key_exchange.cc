#include "engine/messages/handshake/server_key_exchange.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {
namespace {

Result<ServerDhParams> parse_dh(Reader& r) {
  ServerDhParams p;
  if (!r.vec16(p.p) || !r.vec16(p.g) || !r.vec16(p.ys)) return truncated("ServerDHParams");
  if (p.p.empty() || p.g.empty() || p.ys.empty()) {
    return decode_error("ServerDHParams: empty dh_p, dh_g or dh_Ys");
  }
  return p;
}

Result<ServerEcdhParams> parse_ecdh(Reader& r) {
  uint8_t curve_type;
  uint16_t group;
  if (!r.u8(curve_type)) return truncated("ECParameters");
  if (curve_type != static_cast<uint8_t>(ECCurveType::named_curve)) {
    return illegal_parameter("ECParameters: only named curves are allowed (RFC 8422 §5.4)");
  }
  ServerEcdhParams p;
  if (!r.u16(group) || !r.vec8(p.point)) return truncated("ServerECDHParams");
  if (p.point.empty()) return decode_error("ServerECDHParams: empty point");
  p.group = static_cast<NamedGroup>(group);
  return p;
}

void write_params(Writer& w, const ServerDhParams& p) {
  w.vec16(p.p);
  w.vec16(p.g);
  w.vec16(p.ys);
}

void write_params(Writer& w, const ServerEcdhParams& p) {
  w.u8(static_cast<uint8_t>(ECCurveType::named_curve));
  w.u16(static_cast<uint16_t>(p.group));
  w.vec8(p.point);
}

}  // namespace

Result<ServerKeyExchange> ServerKeyExchange::parse(ByteView body, KeyExchangeForm form,
                                                   ProtocolVersion version) {
  Reader r(body);
  ServerKeyExchange m;
  if (form == KeyExchangeForm::dhe) {
    auto p = parse_dh(r);
    if (!p) return p.error();
    m.params = std::move(*p);
  } else if (form == KeyExchangeForm::ecdhe) {
    auto p = parse_ecdh(r);
    if (!p) return p.error();
    m.params = std::move(*p);
  } else {
    return internal_error("ServerKeyExchange for RSA key exchange");
  }
  auto sig = DigitallySigned::parse(r, version);
  if (!sig) return Error{sig.error().alert, "ServerKeyExchange: " + sig.error().reason};
  m.signed_params = std::move(*sig);
  if (Status s = expect_end(r, "ServerKeyExchange"); !s) return s.error();
  return m;
}

Result<Bytes> ServerKeyExchange::params_bytes() const {
  Writer w;
  std::visit([&](const auto& p) { write_params(w, p); }, params);
  return finish(w, "ServerKeyExchange params");
}

Result<Bytes> ServerKeyExchange::serialize() const {
  Writer w;
  std::visit([&](const auto& p) { write_params(w, p); }, params);
  signed_params.serialize(w);
  return finish(w, "ServerKeyExchange");
}

}  // namespace gauntlet
