// Decodes one direction of a TLS conversation — records, then the handshake
// messages inside them — into named fields, for people debugging a
// handshake. Parsing goes on past a bad message where it safely can and
// stops at a bad record; every failure is marked where it happened.
#pragma once

#include <vector>

#include "engine/base/reader.h"
#include "engine/messages/decode/field.h"

namespace gauntlet {

// decrypted: records after ChangeCipherSpec are plaintext (an -msg trace)
// rather than ciphertext to be shown as bytes.
std::vector<Field> decode_capture(ByteView stream, bool decrypted = false);

}  // namespace gauntlet
