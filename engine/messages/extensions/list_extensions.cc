#include "engine/messages/extensions/list_extensions.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

template <typename E, int Tag>
Result<U16ListExtension<E, Tag>> U16ListExtension<E, Tag>::parse(ByteView body) {
  Reader r(body);
  auto values = read_u16_list<E>(r, "extension list");
  if (!values) return values.error();
  if (Status s = expect_end(r, "extension list"); !s) return s.error();
  return U16ListExtension{std::move(*values)};
}

template <typename E, int Tag>
Result<U8ListExtension<E, Tag>> U8ListExtension<E, Tag>::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed8(list)) return truncated("extension list");
  if (Status s = expect_end(r, "extension list"); !s) return s.error();
  if (list.empty()) return decode_error("extension list: empty");
  U8ListExtension m;
  uint8_t v;
  while (list.u8(v)) m.values.push_back(static_cast<E>(v));
  return m;
}

template <typename E, int Tag>
void U8ListExtension<E, Tag>::serialize(Writer& w) const {
  Writer list = w.prefixed8();
  for (E v : values) list.u8(static_cast<uint8_t>(v));
}

template struct U16ListExtension<NamedGroup, 0>;
template struct U16ListExtension<SignatureScheme, 1>;
template struct U16ListExtension<SignatureScheme, 2>;
template struct U8ListExtension<ECPointFormat, 3>;
template struct U8ListExtension<PskKeyExchangeMode, 4>;

Result<SupportedVersionsList> SupportedVersionsList::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed8(list)) return truncated("supported_versions");
  if (Status s = expect_end(r, "supported_versions"); !s) return s.error();
  if (list.empty() || list.remaining() % 2 != 0) {
    return decode_error("supported_versions: empty or odd-length list");
  }
  SupportedVersionsList m;
  uint16_t v;
  while (list.u16(v)) m.versions.push_back(static_cast<ProtocolVersion>(v));
  return m;
}

void SupportedVersionsList::serialize(Writer& w) const {
  Writer list = w.prefixed8();
  for (ProtocolVersion v : versions) list.u16(static_cast<uint16_t>(v));
}

}  // namespace gauntlet
