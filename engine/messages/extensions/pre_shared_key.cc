#include "engine/messages/extensions/pre_shared_key.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<OfferedPsks> OfferedPsks::parse(ByteView body) {
  Reader r(body), identities, binders;
  if (!r.prefixed16(identities) || !r.prefixed16(binders)) return truncated("pre_shared_key");
  if (Status s = expect_end(r, "pre_shared_key"); !s) return s.error();
  OfferedPsks m;
  while (!identities.empty()) {
    PskIdentity id;
    if (!identities.vec16(id.identity) || !identities.u32(id.obfuscated_ticket_age)) {
      return truncated("PskIdentity");
    }
    if (id.identity.empty()) return decode_error("pre_shared_key: empty identity");
    m.identities.push_back(std::move(id));
  }
  while (!binders.empty()) {
    Bytes binder;
    if (!binders.vec8(binder)) return truncated("PskBinderEntry");
    if (binder.size() < 32) return decode_error("pre_shared_key: binder under 32 bytes");
    m.binders.push_back(std::move(binder));
  }
  if (m.identities.empty() || m.binders.empty()) {
    return decode_error("pre_shared_key: no identities or no binders");
  }
  if (m.identities.size() != m.binders.size()) {
    return illegal_parameter("pre_shared_key: binder count differs from identity count");
  }
  return m;
}

void OfferedPsks::serialize(Writer& w) const {
  {
    Writer ids = w.prefixed16();
    for (const PskIdentity& id : identities) {
      ids.vec16(id.identity);
      ids.u32(id.obfuscated_ticket_age);
    }
  }
  Writer bs = w.prefixed16();
  for (const Bytes& b : binders) bs.vec8(b);
}

}  // namespace gauntlet
