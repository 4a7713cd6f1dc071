// HelloRequest (RFC 5246 §7.4.1.1) and ServerHelloDone (§7.4.5): empty
// bodies; anything inside is decode_error.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

struct HelloRequest {
  static Result<HelloRequest> parse(ByteView body);
  Bytes serialize() const { return {}; }
  bool operator==(const HelloRequest&) const = default;
};

struct ServerHelloDone {
  static Result<ServerHelloDone> parse(ByteView body);
  Bytes serialize() const { return {}; }
  bool operator==(const ServerHelloDone&) const = default;
};

}  // namespace gauntlet
