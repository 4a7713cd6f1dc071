#include "engine/messages/handshake/client_hello.h"

#include <string>

#include "engine/messages/common/codec.h"
#include "engine/messages/common/lists.h"

namespace gauntlet {

Result<Bytes> read_session_id(Reader& r, const char* message) {
  Bytes id;
  if (!r.vec8(id)) return truncated(message);
  if (id.size() > kMaxSessionIdSize) {
    return decode_error(std::string(message) + ": session_id longer than 32 bytes");
  }
  return id;
}

Result<ClientHello> ClientHello::parse(ByteView body) {
  Reader r(body);
  ClientHello m;
  uint16_t version;
  if (!r.u16(version) || !r.bytes(kRandomSize, m.random)) return truncated("ClientHello");
  m.legacy_version = static_cast<ProtocolVersion>(version);
  auto session_id = read_session_id(r, "ClientHello");
  if (!session_id) return session_id.error();
  m.session_id = std::move(*session_id);
  auto suites = read_u16_list<CipherSuite>(r, "ClientHello cipher_suites");
  if (!suites) return suites.error();
  m.cipher_suites = std::move(*suites);
  Reader methods;
  if (!r.prefixed8(methods)) return truncated("ClientHello");
  if (methods.empty()) return decode_error("ClientHello: no compression methods");
  uint8_t method;
  while (methods.u8(method)) m.compression_methods.push_back(static_cast<CompressionMethod>(method));
  auto extensions = parse_optional_extensions(r, ExtensionContext::client_hello);
  if (!extensions) return Error{extensions.error().alert, "ClientHello: " + extensions.error().reason};
  m.extensions = std::move(*extensions);
  return m;
}

Result<Bytes> ClientHello::serialize() const {
  Writer w;
  w.u16(static_cast<uint16_t>(legacy_version));
  w.bytes(random);
  w.vec8(session_id);
  write_u16_list(w, cipher_suites);
  {
    Writer methods = w.prefixed8();
    for (CompressionMethod c : compression_methods) methods.u8(static_cast<uint8_t>(c));
  }
  if (extensions) extensions->serialize(w);
  return finish(w, "ClientHello");
}

}  // namespace gauntlet
