#include "engine/messages/handshake/certificate_request.h"

#include "engine/messages/common/codec.h"
#include "engine/messages/common/lists.h"

namespace gauntlet {

Result<CertificateRequest> CertificateRequest::parse(ByteView body, ProtocolVersion version) {
  Reader r(body), types, cas;
  CertificateRequest m;
  if (!r.prefixed8(types)) return truncated("CertificateRequest");
  if (types.empty()) return decode_error("CertificateRequest: no certificate types");
  while (!types.empty()) {
    uint8_t t;
    if (!types.u8(t)) return truncated("CertificateRequest");
    m.certificate_types.push_back(static_cast<ClientCertificateType>(t));
  }
  if (version >= ProtocolVersion::tls12) {
    auto schemes = read_u16_list<SignatureScheme>(r, "CertificateRequest signature algorithms");
    if (!schemes) return schemes.error();
    m.supported_signature_algorithms = std::move(*schemes);
  }
  if (!r.prefixed16(cas)) return truncated("CertificateRequest");
  while (!cas.empty()) {
    Bytes dn;
    if (!cas.vec16(dn)) return truncated("CertificateRequest distinguished name");
    if (dn.empty()) return decode_error("CertificateRequest: empty DistinguishedName");
    m.certificate_authorities.push_back(std::move(dn));
  }
  if (Status s = expect_end(r, "CertificateRequest"); !s) return s.error();
  return m;
}

Result<Bytes> CertificateRequest::serialize() const {
  Writer w;
  {
    Writer types = w.prefixed8();
    for (ClientCertificateType t : certificate_types) types.u8(static_cast<uint8_t>(t));
  }
  if (supported_signature_algorithms) write_u16_list(w, *supported_signature_algorithms);
  {
    Writer cas = w.prefixed16();
    for (const Bytes& dn : certificate_authorities) cas.vec16(dn);
  }
  return finish(w, "CertificateRequest");
}

}  // namespace gauntlet
