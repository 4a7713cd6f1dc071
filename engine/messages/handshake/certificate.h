// Certificate, TLS 1.2 and earlier form (RFC 5246 §7.4.2): a 3-byte-length
// list of 3-byte-length DER certificates, the sender's first. An empty list
// is allowed (a client without a certificate, §7.4.6); an empty entry is not.
#pragma once

#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

struct CertificateMessage {
  std::vector<Bytes> certificate_list;

  static Result<CertificateMessage> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const CertificateMessage&) const = default;
};

}  // namespace gauntlet
