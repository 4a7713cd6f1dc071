#include "engine/messages/handshake/server_hello.h"

#include "engine/messages/common/codec.h"
#include "engine/messages/handshake/client_hello.h"

namespace gauntlet {

const Bytes kHelloRetryRequestRandom = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};

Result<ServerHello> ServerHello::parse(ByteView body) {
  Reader r(body);
  ServerHello m;
  uint16_t version, suite;
  uint8_t compression;
  if (!r.u16(version) || !r.bytes(kRandomSize, m.random)) return truncated("ServerHello");
  m.legacy_version = static_cast<ProtocolVersion>(version);
  auto session_id = read_session_id(r, "ServerHello");
  if (!session_id) return session_id.error();
  m.session_id = std::move(*session_id);
  if (!r.u16(suite) || !r.u8(compression)) return truncated("ServerHello");
  m.cipher_suite = static_cast<CipherSuite>(suite);
  m.compression_method = static_cast<CompressionMethod>(compression);
  const auto context = m.is_hello_retry_request() ? ExtensionContext::hello_retry_request
                                                  : ExtensionContext::server_hello;
  auto extensions = parse_optional_extensions(r, context);
  if (!extensions) return Error{extensions.error().alert, "ServerHello: " + extensions.error().reason};
  m.extensions = std::move(*extensions);
  return m;
}

Result<Bytes> ServerHello::serialize() const {
  Writer w;
  w.u16(static_cast<uint16_t>(legacy_version));
  w.bytes(random);
  w.vec8(session_id);
  w.u16(static_cast<uint16_t>(cipher_suite));
  w.u8(static_cast<uint8_t>(compression_method));
  if (extensions) extensions->serialize(w);
  return finish(w, "ServerHello");
}

}  // namespace gauntlet
