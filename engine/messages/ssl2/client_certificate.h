// SSL 2.0 CLIENT-CERTIFICATE (SSL 2.0 spec §2.5): certificate type, the
// lengths of certificate and response, then both.
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

struct Ssl2ClientCertificate {
  uint8_t certificate_type = 1;
  Bytes certificate;
  Bytes response;

  static Result<Ssl2ClientCertificate> parse(ByteView message);
  Result<Bytes> serialize() const;
  bool operator==(const Ssl2ClientCertificate&) const = default;
};

}  // namespace gauntlet
