// The MAC of a MAC-then-encrypt or encrypt-then-MAC record: HMAC over
// seq_num + type + version + length + data (RFC 5246 §6.2.3.1), or the SSL 3.0
// MAC, which leaves out the version (RFC 6101 §5.2.3.1).
#pragma once

#include <cstdint>

#include "engine/base/reader.h"
#include "engine/crypto/algorithm_ids.h"
#include "engine/registry/content_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

size_t mac_size(MacAlgorithm mac);
// The digest behind a MAC; only for mac != none.
HashAlgorithm mac_hash(MacAlgorithm mac);

class RecordMac {
 public:
  RecordMac(ProtocolVersion version, MacAlgorithm mac, Bytes key)
      : version_(version), mac_(mac), key_(std::move(key)) {}

  size_t size() const { return mac_size(mac_); }
  Bytes compute(uint64_t seq, ContentType type, ProtocolVersion record_version,
                ByteView data) const;
  // Hashes `bytes` dummy bytes with the MAC's digest and discards the result,
  // so a MAC over a shorter input costs as much as one over a longer one
  // (the Lucky13 countermeasure, as s2n-tls applies it).
  void burn(size_t bytes) const;

 private:
  static constexpr size_t kBurnChunk = 256;

  ProtocolVersion version_;
  MacAlgorithm mac_;
  Bytes key_;
};

}  // namespace gauntlet
