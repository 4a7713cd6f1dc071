// NULL-cipher protection (RFC 5246 §6.2.3.1 with a null stream cipher): the
// fragment followed by its MAC, as TLS_RSA_WITH_NULL_SHA sends it. Without a
// MAC it is the initial TLS_NULL_WITH_NULL_NULL state.
#pragma once

#include "engine/record/protection.h"
#include "engine/record/record_mac.h"

namespace gauntlet {

class NullProtection final : public RecordProtection {
 public:
  explicit NullProtection(RecordMac mac) : mac_(std::move(mac)) {}

  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  // Before keys there is no MAC to flip.
  Result<Bytes> seal_shaped(ContentType type, ProtocolVersion version, ByteView plaintext,
                            const SealShape& shape) override {
    if (shape.flip_mac && mac_.size() == 0) return internal_error("this record has no MAC to flip");
    return RecordProtection::seal_shaped(type, version, plaintext, shape);
  }
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;

 private:
  RecordMac mac_;
};

// plaintext || MAC: the body of a NULL record, and a stream record before
// encryption.
Bytes mac_suffixed(const RecordMac& mac, uint64_t seq, ContentType type, ProtocolVersion version,
                   ByteView plaintext);

// Shared with the stream cipher: `data` is plaintext || MAC in the clear.
// Checks the MAC and the plaintext size, and strips the MAC.
Result<OpenedRecord> open_mac_suffixed(const RecordMac& mac, uint64_t seq, ContentType type,
                                       ProtocolVersion version, Bytes data);

}  // namespace gauntlet
