#include "engine/messages/tls13/certificate_request_13.h"

#include "engine/messages/common/codec.h"
#include "engine/messages/tls13/encrypted_extensions.h"

namespace gauntlet {

Result<CertificateRequest13> CertificateRequest13::parse(ByteView body) {
  Reader r(body);
  CertificateRequest13 m;
  if (!r.vec8(m.certificate_request_context)) return truncated("CertificateRequest");
  auto e = read_extensions(r, ExtensionContext::certificate_request, "CertificateRequest");
  if (!e) return e.error();
  if (Status s = expect_end(r, "CertificateRequest"); !s) return s.error();
  if (e->get<SignatureAlgorithms>() == nullptr) {
    return Error{AlertDescription::missing_extension,
                 "CertificateRequest: no signature_algorithms (RFC 8446 §4.3.2)"};
  }
  m.extensions = std::move(*e);
  return m;
}

Result<Bytes> CertificateRequest13::serialize() const {
  Writer w;
  w.vec8(certificate_request_context);
  extensions.serialize(w);
  return finish(w, "CertificateRequest");
}

}  // namespace gauntlet
