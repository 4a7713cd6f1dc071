// The bodies of ChangeCipherSpec and Alert records (RFC 5246 §7.1, §7.2).
#pragma once

#include "engine/base/alert.h"
#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet {

// Exactly the byte 1; anything else is decode_error (RFC 5246 §7.1 defines
// only change_cipher_spec(1); RFC 8446 §5 treats other values as
// unexpected_message, which the TLS 1.3 engine maps itself).
struct ChangeCipherSpec {
  static Result<ChangeCipherSpec> parse(ByteView body);
  Bytes serialize() const { return {1}; }
  bool operator==(const ChangeCipherSpec&) const = default;
};

// Two bytes. Unknown descriptions are kept (the engine treats unknown
// warnings as the RFC says); a level other than warning or fatal is
// illegal_parameter, as BoringSSL and OpenSSL answer it.
struct AlertMessage {
  AlertLevel level;
  AlertDescription description;

  static Result<AlertMessage> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const AlertMessage&) const = default;
};

}  // namespace gauntlet
