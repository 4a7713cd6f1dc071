#include "engine/messages/handshake/certificate_verify.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<CertificateVerify> CertificateVerify::parse(ByteView body, ProtocolVersion version) {
  Reader r(body);
  auto sig = DigitallySigned::parse(r, version);
  if (!sig) return Error{sig.error().alert, "CertificateVerify: " + sig.error().reason};
  if (Status s = expect_end(r, "CertificateVerify"); !s) return s.error();
  return CertificateVerify{std::move(*sig)};
}

Result<Bytes> CertificateVerify::serialize() const {
  Writer w;
  signature.serialize(w);
  return finish(w, "CertificateVerify");
}

}  // namespace gauntlet
