// The SSL 2.0 messages whose body is one field filling the rest of the
// record (SSL 2.0 spec §2.5–2.7): CLIENT-FINISHED (connection-id),
// SERVER-VERIFY (challenge), SERVER-FINISHED (session-id),
// REQUEST-CERTIFICATE (authentication type + certificate challenge), and
// ERROR (a 2-byte code).
#pragma once

#include <cstdint>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

// A msg-type byte followed by opaque data to the end.
template <Ssl2MessageType Type>
struct Ssl2OpaqueMessage {
  Bytes data;

  static Result<Ssl2OpaqueMessage> parse(ByteView message);
  Bytes serialize() const;
  bool operator==(const Ssl2OpaqueMessage&) const = default;
};

using Ssl2ClientFinished = Ssl2OpaqueMessage<Ssl2MessageType::client_finished>;
using Ssl2ServerVerify = Ssl2OpaqueMessage<Ssl2MessageType::server_verify>;
using Ssl2ServerFinished = Ssl2OpaqueMessage<Ssl2MessageType::server_finished>;

struct Ssl2RequestCertificate {
  uint8_t authentication_type = 1;  // SSL_AT_MD5_WITH_RSA_ENCRYPTION
  Bytes certificate_challenge;      // 16 to 32 bytes

  static Result<Ssl2RequestCertificate> parse(ByteView message);
  Bytes serialize() const;
  bool operator==(const Ssl2RequestCertificate&) const = default;
};

enum class Ssl2ErrorCode : uint16_t {
  no_cipher = 0x0001,
  no_certificate = 0x0002,
  bad_certificate = 0x0004,
  unsupported_certificate_type = 0x0006,
};

struct Ssl2Error {
  Ssl2ErrorCode code;

  static Result<Ssl2Error> parse(ByteView message);
  Bytes serialize() const;
  bool operator==(const Ssl2Error&) const = default;
};

}  // namespace gauntlet
