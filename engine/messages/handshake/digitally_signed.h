// The signature that ends ServerKeyExchange and forms CertificateVerify
// (RFC 5246 §4.7, §7.4.1.4.1): TLS 1.2 prefixes the SignatureAndHashAlgorithm;
// earlier versions carry the signature alone.
#pragma once

#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct DigitallySigned {
  std::optional<SignatureScheme> scheme;  // present from TLS 1.2 on
  Bytes signature;

  static Result<DigitallySigned> parse(Reader& r, ProtocolVersion version);
  void serialize(Writer& w) const;
  bool operator==(const DigitallySigned&) const = default;
};

}  // namespace gauntlet
