// The TLS 1.3 CertificateRequest (RFC 8446 §4.3.2): certificate_request_context
// <0..2^8-1> and extensions<2..2^16-1>, which must include
// signature_algorithms (missing_extension otherwise).
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {

struct CertificateRequest13 {
  Bytes certificate_request_context;
  Extensions extensions;

  static Result<CertificateRequest13> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const CertificateRequest13&) const = default;
};

}  // namespace gauntlet
