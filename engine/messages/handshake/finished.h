// Finished (RFC 5246 §7.4.9): verify_data of 12 bytes in TLS 1.0–1.2, 36 in
// SSL 3.0 (RFC 6101 §5.6.9: MD5 + SHA-1), the hash length in TLS 1.3.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/version.h"

namespace gauntlet {

// 36 for SSL 3.0, else 12 (TLS 1.3 callers pass the hash length themselves).
size_t finished_length(ProtocolVersion version);

struct Finished {
  Bytes verify_data;

  // A body of any other length is decode_error.
  static Result<Finished> parse(ByteView body, size_t verify_data_length);
  Bytes serialize() const { return verify_data; }
  bool operator==(const Finished&) const = default;
};

}  // namespace gauntlet
