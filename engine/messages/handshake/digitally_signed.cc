#include "engine/messages/handshake/digitally_signed.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<DigitallySigned> DigitallySigned::parse(Reader& r, ProtocolVersion version) {
  DigitallySigned d;
  if (version >= ProtocolVersion::tls12) {
    uint16_t scheme;
    if (!r.u16(scheme)) return truncated("signature algorithm");
    d.scheme = static_cast<SignatureScheme>(scheme);
  }
  if (!r.vec16(d.signature)) return truncated("signature");
  return d;
}

void DigitallySigned::serialize(Writer& w) const {
  if (scheme) w.u16(static_cast<uint16_t>(*scheme));
  w.vec16(signature);
}

}  // namespace gauntlet
