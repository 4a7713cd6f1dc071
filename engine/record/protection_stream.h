// Stream-cipher protection (RFC 5246 §6.2.3.1; RFC 6101 §5.2.3.1 for the
// SSL 3.0 MAC): RC4 over the fragment followed by its MAC. The cipher state
// runs on from record to record.
#pragma once

#include "engine/crypto/cipher.h"
#include "engine/record/protection.h"
#include "engine/record/record_mac.h"

namespace gauntlet {

class StreamProtection final : public RecordProtection {
 public:
  StreamProtection(StreamCipher cipher, RecordMac mac)
      : cipher_(std::move(cipher)), mac_(std::move(mac)) {}

  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version, ByteView fragment) override;

 private:
  StreamCipher cipher_;
  RecordMac mac_;
};

}  // namespace gauntlet
