// CertificateVerify (RFC 5246 §7.4.8): one digitally-signed value, with the
// signature algorithm from TLS 1.2 on.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/handshake/digitally_signed.h"

namespace gauntlet {

struct CertificateVerify {
  DigitallySigned signature;

  static Result<CertificateVerify> parse(ByteView body, ProtocolVersion version);
  Result<Bytes> serialize() const;
  bool operator==(const CertificateVerify&) const = default;
};

}  // namespace gauntlet
