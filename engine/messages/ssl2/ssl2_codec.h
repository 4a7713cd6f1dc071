// Helpers for SSL 2.0 messages, which put every length before every body.
// Each message parses from its msg-type byte on (the record payload).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/messages/common/codec.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

// Reads the msg-type byte; decode_error if it is not `expected`.
Status read_ssl2_type(Reader& r, Ssl2MessageType expected);

// CIPHER-SPECS-DATA: a multiple of 3 bytes, each a 24-bit kind.
Result<std::vector<Ssl2CipherKind>> read_cipher_specs(Reader& r, uint16_t length,
                                                      const char* message);
void write_cipher_specs(Writer& w, const std::vector<Ssl2CipherKind>& specs);

}  // namespace gauntlet
