// CertificateRequest (RFC 5246 §7.4.4; RFC 4346 §7.4.4 for TLS 1.0/1.1 and
// SSL 3.0): certificate types <1..2^8-1>, from TLS 1.2 the signature
// algorithms <2..2^16-2>, then distinguished names <0..2^16-1>, each
// <1..2^16-1>.
#pragma once

#include <optional>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/client_certificate_type.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct CertificateRequest {
  std::vector<ClientCertificateType> certificate_types;
  std::optional<std::vector<SignatureScheme>> supported_signature_algorithms;  // TLS 1.2
  std::vector<Bytes> certificate_authorities;

  static Result<CertificateRequest> parse(ByteView body, ProtocolVersion version);
  Result<Bytes> serialize() const;
  bool operator==(const CertificateRequest&) const = default;
};

}  // namespace gauntlet
