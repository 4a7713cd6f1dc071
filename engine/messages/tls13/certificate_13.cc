#include "engine/messages/tls13/certificate_13.h"

#include "engine/messages/common/codec.h"
#include "engine/messages/tls13/encrypted_extensions.h"

namespace gauntlet {

Result<Certificate13> Certificate13::parse(ByteView body) {
  Reader r(body), list;
  Certificate13 m;
  if (!r.vec8(m.certificate_request_context) || !r.prefixed24(list)) {
    return truncated("Certificate");
  }
  if (Status s = expect_end(r, "Certificate"); !s) return s.error();
  while (!list.empty()) {
    CertificateEntry entry;
    if (!list.vec24(entry.cert_data)) return truncated("CertificateEntry");
    if (entry.cert_data.empty()) return decode_error("CertificateEntry: empty cert_data");
    auto e = read_extensions(list, ExtensionContext::certificate, "CertificateEntry");
    if (!e) return e.error();
    entry.extensions = std::move(*e);
    m.certificate_list.push_back(std::move(entry));
  }
  return m;
}

Result<Bytes> Certificate13::serialize() const {
  Writer w;
  w.vec8(certificate_request_context);
  {
    Writer list = w.prefixed24();
    for (const CertificateEntry& entry : certificate_list) {
      list.vec24(entry.cert_data);
      entry.extensions.serialize(list);
    }
  }
  return finish(w, "Certificate");
}

}  // namespace gauntlet
