#include "engine/messages/extensions/alpn.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<Alpn> Alpn::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed16(list)) return truncated("ALPN");
  if (Status s = expect_end(r, "ALPN"); !s) return s.error();
  if (list.empty()) return decode_error("ALPN: empty protocol_name_list");
  Alpn m;
  while (!list.empty()) {
    Bytes name;
    if (!list.vec8(name)) return truncated("ALPN protocol name");
    if (name.empty()) return decode_error("ALPN: empty protocol name");
    m.protocols.emplace_back(name.begin(), name.end());
  }
  return m;
}

void Alpn::serialize(Writer& w) const {
  Writer list = w.prefixed16();
  for (const std::string& p : protocols) {
    list.vec8(ByteView(reinterpret_cast<const uint8_t*>(p.data()), p.size()));
  }
}

}  // namespace gauntlet
