// The TLS 1.3 Certificate (RFC 8446 §4.4.2): certificate_request_context
// <0..2^8-1>, then certificate_list<0..2^24-1> of CertificateEntry
// {cert_data<1..2^24-1>, extensions<0..2^16-1>}.
#pragma once

#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {

struct CertificateEntry {
  Bytes cert_data;
  Extensions extensions;
  bool operator==(const CertificateEntry&) const = default;
};

struct Certificate13 {
  Bytes certificate_request_context;
  std::vector<CertificateEntry> certificate_list;

  static Result<Certificate13> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const Certificate13&) const = default;
};

}  // namespace gauntlet
