// PSK binders (RFC 8446 §4.2.11.2): an HMAC over the ClientHello truncated
// before its binders list, so a binder covers everything offered but itself.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/hash.h"

namespace gauntlet {

// The length of the prefix of a ClientHello handshake message (header
// included) that binders cover: up to the binders list of pre_shared_key.
// A hello that does not parse is decode_error; pre_shared_key missing or
// not the last extension is illegal_parameter (§4.2.11).
Result<size_t> binder_prefix_length(ByteView client_hello);

// The binder of binder_key over Transcript-Hash(earlier_messages + the
// truncated hello); earlier_messages is empty except after a
// HelloRetryRequest (ClientHello1 as message_hash, then the HRR).
Result<Bytes> psk_binder(HashAlgorithm h, ByteView binder_key, ByteView earlier_messages,
                         ByteView client_hello);

}  // namespace gauntlet
