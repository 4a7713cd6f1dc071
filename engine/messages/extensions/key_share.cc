#include "engine/messages/extensions/key_share.h"

#include <set>

#include "engine/messages/common/codec.h"

namespace gauntlet {
namespace {

Result<KeyShareEntry> read_entry(Reader& r) {
  uint16_t group;
  KeyShareEntry e;
  if (!r.u16(group) || !r.vec16(e.key_exchange)) return truncated("KeyShareEntry");
  if (e.key_exchange.empty()) return decode_error("KeyShareEntry: empty key_exchange");
  e.group = static_cast<NamedGroup>(group);
  return e;
}

void write_entry(Writer& w, const KeyShareEntry& e) {
  w.u16(static_cast<uint16_t>(e.group));
  w.vec16(e.key_exchange);
}

}  // namespace

Result<ClientKeyShares> ClientKeyShares::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed16(list)) return truncated("key_share");
  if (Status s = expect_end(r, "key_share"); !s) return s.error();
  ClientKeyShares m;
  std::set<NamedGroup> seen;
  while (!list.empty()) {
    auto e = read_entry(list);
    if (!e) return e.error();
    if (!seen.insert(e->group).second) return illegal_parameter("key_share: group offered twice");
    m.shares.push_back(std::move(*e));
  }
  return m;
}

void ClientKeyShares::serialize(Writer& w) const {
  Writer list = w.prefixed16();
  for (const KeyShareEntry& e : shares) write_entry(list, e);
}

Result<ServerKeyShare> ServerKeyShare::parse(ByteView body) {
  Reader r(body);
  auto e = read_entry(r);
  if (!e) return e.error();
  if (Status s = expect_end(r, "key_share"); !s) return s.error();
  return ServerKeyShare{std::move(*e)};
}

void ServerKeyShare::serialize(Writer& w) const { write_entry(w, share); }

}  // namespace gauntlet
