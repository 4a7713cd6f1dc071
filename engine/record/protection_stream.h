// NULL and stream-cipher protection (RFC 5246 §6.2.3.1): the fragment plus
// its MAC, passed through RC4 when there is a cipher. With neither cipher nor
// MAC it is the initial TLS_NULL_WITH_NULL_NULL state.
#pragma once

#include <optional>

#include "engine/crypto/cipher.h"
#include "engine/record/protection.h"
#include "engine/record/record_mac.h"
#include "engine/record/sequence_number.h"

namespace gauntlet {

class StreamProtection final : public RecordProtection {
 public:
  StreamProtection(std::optional<StreamCipher> cipher, RecordMac mac)
      : cipher_(std::move(cipher)), mac_(std::move(mac)) {}

  Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) override;
  Result<OpenedRecord> open(ContentType type, ProtocolVersion version,
                            ByteView fragment) override;

 private:
  std::optional<StreamCipher> cipher_;
  RecordMac mac_;
  SequenceNumber seq_;
};

}  // namespace gauntlet
