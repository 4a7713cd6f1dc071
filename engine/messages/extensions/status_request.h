// status_request in a ClientHello (RFC 6066 §8): status_type, then for
// ocsp(1) responder_id_list<0..2^16-1> and request_extensions<0..2^16-1>.
// Other status types have no defined body; it is kept as bytes.
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

struct StatusRequest {
  uint8_t status_type = 1;
  Bytes responder_id_list;   // ocsp only: the list body, entries unparsed
  Bytes request_extensions;  // ocsp only
  Bytes other;               // the body after status_type, for other types

  static Result<StatusRequest> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const StatusRequest&) const = default;
};

}  // namespace gauntlet
