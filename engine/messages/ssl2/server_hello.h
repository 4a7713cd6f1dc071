// SSL 2.0 SERVER-HELLO (SSL 2.0 spec §2.6): session-id-hit, certificate
// type, version, then the lengths of certificate, cipher specs and
// connection-id (16 to 32 bytes), then those fields.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct Ssl2ServerHello {
  uint8_t session_id_hit = 0;
  uint8_t certificate_type = 1;  // SSL_CT_X509_CERTIFICATE
  ProtocolVersion version = ProtocolVersion::ssl2;
  Bytes certificate;
  std::vector<Ssl2CipherKind> cipher_specs;
  Bytes connection_id;

  static Result<Ssl2ServerHello> parse(ByteView message);
  Result<Bytes> serialize() const;
  bool operator==(const Ssl2ServerHello&) const = default;
};

}  // namespace gauntlet
