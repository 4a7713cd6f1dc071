#include "engine/session/session.h"

#include "engine/base/writer.h"
#include "engine/messages/common/codec.h"

namespace gauntlet {

namespace {
// Bump when the layout changes: tickets of an older layout then fail to
// parse and the server falls back to a full handshake. 3: max_early_data;
// 4: alpn.
constexpr uint8_t kStateFormat = 4;
}  // namespace

Bytes Session::serialize_state() const {
  Writer w;
  w.u8(kStateFormat);
  w.u16(static_cast<uint16_t>(version));
  w.u16(static_cast<uint16_t>(suite));
  w.vec8(master_secret);
  w.u8(extended_master_secret ? 1 : 0);
  w.vec8({reinterpret_cast<const uint8_t*>(server_name.data()), server_name.size()});
  w.u64(static_cast<uint64_t>(created));
  w.u32(lifetime);
  w.u32(ticket_age_add);
  w.u32(max_early_data);
  w.vec8({reinterpret_cast<const uint8_t*>(alpn.data()), alpn.size()});
  {
    Writer chain = w.prefixed24();
    for (const Bytes& cert : peer_chain) chain.vec24(cert);
  }
  return w.take();
}

std::vector<Certificate> Session::peer_certificates() const {
  if (parsed_chain.certificates && parsed_chain.certificates->size() == peer_chain.size()) {
    return *parsed_chain.certificates;
  }
  std::vector<Certificate> out;
  for (const Bytes& der : peer_chain) {
    auto cert = Certificate::from_der(der);
    if (cert) out.push_back(std::move(cert).value());
  }
  return out;
}

Result<Session> Session::parse_state(ByteView state) {
  constexpr const char* kWhat = "session state";
  Reader r(state);
  Session s;
  uint8_t format = 0, ems = 0;
  uint16_t version = 0, suite = 0;
  uint64_t created = 0;
  Bytes name, alpn;
  Reader chain;
  // The format first: an older layout is refused as such, not misread.
  if (!r.u8(format)) return truncated(kWhat);
  if (format != kStateFormat) return decode_error("session state: unknown format");
  if (!r.u16(version) || !r.u16(suite) || !r.vec8(s.master_secret) || !r.u8(ems) ||
      !r.vec8(name) || !r.u64(created) || !r.u32(s.lifetime) || !r.u32(s.ticket_age_add) ||
      !r.u32(s.max_early_data) || !r.vec8(alpn) || !r.prefixed24(chain)) {
    return truncated(kWhat);
  }
  auto v = known_version(version);
  auto cs = known_cipher_suite(suite);
  if (!v || !cs || ems > 1) return decode_error("session state: bad field");
  s.version = *v;
  s.suite = *cs;
  s.extended_master_secret = ems == 1;
  s.server_name.assign(name.begin(), name.end());
  s.alpn.assign(alpn.begin(), alpn.end());
  s.created = static_cast<int64_t>(created);
  while (!chain.empty()) {
    Bytes cert;
    if (!chain.vec24(cert)) return truncated(kWhat);
    s.peer_chain.push_back(std::move(cert));
  }
  if (auto end = expect_end(r, kWhat); !end) return end.error();
  return s;
}

}  // namespace gauntlet
