#include "engine/messages/extensions/server_name.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<ServerNameList> ServerNameList::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed16(list)) return truncated("server_name");
  if (Status s = expect_end(r, "server_name"); !s) return s.error();
  if (list.empty()) return decode_error("server_name: empty server_name_list");
  ServerNameList m;
  while (!list.empty()) {
    uint8_t type;
    Bytes name;
    if (!list.u8(type) || !list.vec16(name)) return truncated("server_name entry");
    if (type != 0) return decode_error("server_name: unknown name_type");
    if (name.empty()) return decode_error("server_name: empty HostName");
    if (!m.host_names.empty()) return illegal_parameter("server_name: two host names");
    m.host_names.emplace_back(name.begin(), name.end());
  }
  return m;
}

void ServerNameList::serialize(Writer& w) const {
  Writer list = w.prefixed16();
  for (const std::string& name : host_names) {
    list.u8(0);
    Writer n = list.prefixed16();
    n.bytes(ByteView(reinterpret_cast<const uint8_t*>(name.data()), name.size()));
  }
}

}  // namespace gauntlet
