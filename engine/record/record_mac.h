// The MAC of a MAC-then-encrypt or encrypt-then-MAC record: HMAC over
// seq_num + type + version + length + data (RFC 5246 §6.2.3.1), or the SSL 3.0
// MAC, which leaves out the version (RFC 6101 §5.2.3.1).
#pragma once

#include <cstdint>
#include <optional>

#include "engine/base/reader.h"
#include "engine/crypto/hmac.h"
#include "engine/registry/algorithm_ids.h"
#include "engine/registry/content_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

size_t mac_size(MacAlgorithm mac);
// The digest behind a MAC; only for mac != none.
HashAlgorithm mac_hash(MacAlgorithm mac);

class RecordMac {
 public:
  RecordMac(ProtocolVersion version, MacAlgorithm mac, Bytes key);

  size_t size() const { return mac_size(mac_); }
  Bytes compute(uint64_t seq, ContentType type, ProtocolVersion record_version,
                ByteView data) const;
  // After compute() over `length` bytes, hashes as many dummy blocks as a
  // compute() over `max_length` bytes would have needed in addition, so the
  // number of compression-function calls does not depend on the (secret)
  // padding length: the Lucky13 countermeasure in the s2n-tls style.
  void equalize_cost(size_t length, size_t max_length) const;
  // Compression-function calls of the inner hash over `length` data bytes.
  size_t inner_blocks(size_t length) const;

 private:
  ProtocolVersion version_;
  MacAlgorithm mac_;
  Bytes key_;
  // HMAC keyed once, copied for each record (not for SSL 3.0's MAC).
  std::optional<Hmac> keyed_;
};

}  // namespace gauntlet
