#include "engine/messages/ssl2/server_hello.h"

#include "engine/messages/ssl2/ssl2_codec.h"

namespace gauntlet {

Result<Ssl2ServerHello> Ssl2ServerHello::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Ssl2MessageType::server_hello); !s) return s.error();
  Ssl2ServerHello m;
  uint16_t version, cert_length, specs_length, id_length;
  if (!r.u8(m.session_id_hit) || !r.u8(m.certificate_type) || !r.u16(version) ||
      !r.u16(cert_length) || !r.u16(specs_length) || !r.u16(id_length)) {
    return truncated("SERVER-HELLO");
  }
  m.version = static_cast<ProtocolVersion>(version);
  if (!r.bytes(cert_length, m.certificate)) return truncated("SERVER-HELLO");
  auto specs = read_cipher_specs(r, specs_length, "SERVER-HELLO");
  if (!specs) return specs.error();
  m.cipher_specs = std::move(*specs);
  if (id_length < 16 || id_length > 32) {
    return decode_error("SERVER-HELLO: connection-id must be 16 to 32 bytes");
  }
  if (!r.bytes(id_length, m.connection_id)) return truncated("SERVER-HELLO");
  if (Status s = expect_end(r, "SERVER-HELLO"); !s) return s.error();
  return m;
}

Result<Bytes> Ssl2ServerHello::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Ssl2MessageType::server_hello));
  w.u8(session_id_hit);
  w.u8(certificate_type);
  w.u16(static_cast<uint16_t>(version));
  w.u16(static_cast<uint16_t>(certificate.size()));
  w.u16(static_cast<uint16_t>(cipher_specs.size() * 3));
  w.u16(static_cast<uint16_t>(connection_id.size()));
  w.bytes(certificate);
  write_cipher_specs(w, cipher_specs);
  w.bytes(connection_id);
  return finish(w, "SERVER-HELLO");
}

}  // namespace gauntlet
