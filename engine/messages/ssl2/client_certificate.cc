#include "engine/messages/ssl2/client_certificate.h"

#include "engine/messages/ssl2/ssl2_codec.h"

namespace gauntlet {

Result<Ssl2ClientCertificate> Ssl2ClientCertificate::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Ssl2MessageType::client_certificate); !s) return s.error();
  Ssl2ClientCertificate m;
  uint16_t cert_length, response_length;
  if (!r.u8(m.certificate_type) || !r.u16(cert_length) || !r.u16(response_length) ||
      !r.bytes(cert_length, m.certificate) || !r.bytes(response_length, m.response)) {
    return truncated("CLIENT-CERTIFICATE");
  }
  if (Status s = expect_end(r, "CLIENT-CERTIFICATE"); !s) return s.error();
  return m;
}

Result<Bytes> Ssl2ClientCertificate::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Ssl2MessageType::client_certificate));
  w.u8(certificate_type);
  w.u16(static_cast<uint16_t>(certificate.size()));
  w.u16(static_cast<uint16_t>(response.size()));
  w.bytes(certificate);
  w.bytes(response);
  return finish(w, "CLIENT-CERTIFICATE");
}

}  // namespace gauntlet
