#include "engine/messages/ssl2/short_messages.h"

#include "engine/messages/ssl2/ssl2_codec.h"

namespace gauntlet {

template <Ssl2MessageType Type>
Result<Ssl2OpaqueMessage<Type>> Ssl2OpaqueMessage<Type>::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Type); !s) return s.error();
  if (r.empty()) return decode_error(iana_name(Type) + ": empty");
  Ssl2OpaqueMessage m;
  if (!r.bytes(r.remaining(), m.data)) return truncated(iana_name(Type));
  return m;
}

template <Ssl2MessageType Type>
Bytes Ssl2OpaqueMessage<Type>::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Type));
  w.bytes(data);
  return w.take();
}

template struct Ssl2OpaqueMessage<Ssl2MessageType::client_finished>;
template struct Ssl2OpaqueMessage<Ssl2MessageType::server_verify>;
template struct Ssl2OpaqueMessage<Ssl2MessageType::server_finished>;

Result<Ssl2RequestCertificate> Ssl2RequestCertificate::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Ssl2MessageType::request_certificate); !s) return s.error();
  Ssl2RequestCertificate m;
  if (!r.u8(m.authentication_type) || !r.bytes(r.remaining(), m.certificate_challenge)) {
    return truncated("REQUEST-CERTIFICATE");
  }
  if (m.certificate_challenge.size() < 16 || m.certificate_challenge.size() > 32) {
    return decode_error("REQUEST-CERTIFICATE: challenge must be 16 to 32 bytes");
  }
  return m;
}

Bytes Ssl2RequestCertificate::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Ssl2MessageType::request_certificate));
  w.u8(authentication_type);
  w.bytes(certificate_challenge);
  return w.take();
}

Result<Ssl2Error> Ssl2Error::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Ssl2MessageType::error); !s) return s.error();
  uint16_t code;
  if (!r.u16(code)) return truncated("ERROR");
  if (Status s = expect_end(r, "ERROR"); !s) return s.error();
  return Ssl2Error{static_cast<Ssl2ErrorCode>(code)};
}

Bytes Ssl2Error::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Ssl2MessageType::error));
  w.u16(static_cast<uint16_t>(code));
  return w.take();
}

}  // namespace gauntlet
