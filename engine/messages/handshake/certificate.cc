#include "engine/messages/handshake/certificate.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<CertificateMessage> CertificateMessage::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed24(list)) return truncated("Certificate");
  if (Status s = expect_end(r, "Certificate"); !s) return s.error();
  CertificateMessage m;
  while (!list.empty()) {
    Bytes cert;
    if (!list.vec24(cert)) return truncated("Certificate entry");
    if (cert.empty()) return decode_error("Certificate: empty ASN.1Cert<1..2^24-1>");
    m.certificate_list.push_back(std::move(cert));
  }
  return m;
}

Result<Bytes> CertificateMessage::serialize() const {
  Writer w;
  {
    Writer list = w.prefixed24();
    for (const Bytes& cert : certificate_list) list.vec24(cert);
  }
  return finish(w, "Certificate");
}

}  // namespace gauntlet
