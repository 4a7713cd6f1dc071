#include "engine/record/record_mac.h"

#include "engine/base/writer.h"
#include "engine/crypto/hash.h"
#include "engine/crypto/hmac.h"
#include "engine/crypto/ssl3.h"

namespace gauntlet {

size_t mac_size(MacAlgorithm mac) {
  switch (mac) {
    case MacAlgorithm::none:
      return 0;
    case MacAlgorithm::hmac_md5:
      return 16;
    case MacAlgorithm::hmac_sha1:
      return 20;
    case MacAlgorithm::hmac_sha256:
      return 32;
    case MacAlgorithm::hmac_sha384:
      return 48;
  }
  return 0;
}

HashAlgorithm mac_hash(MacAlgorithm mac) {
  switch (mac) {
    case MacAlgorithm::hmac_md5:
      return HashAlgorithm::md5;
    case MacAlgorithm::hmac_sha256:
      return HashAlgorithm::sha256;
    case MacAlgorithm::hmac_sha384:
      return HashAlgorithm::sha384;
    default:
      return HashAlgorithm::sha1;
  }
}

Bytes RecordMac::compute(uint64_t seq, ContentType type, ProtocolVersion record_version,
                         ByteView data) const {
  if (mac_ == MacAlgorithm::none) return {};
  if (version_ == ProtocolVersion::ssl3) {
    return ssl3_mac(mac_hash(mac_), key_, seq, static_cast<uint8_t>(type), data);
  }
  Writer header;
  header.u64(seq);
  header.u8(static_cast<uint8_t>(type));
  header.u16(static_cast<uint16_t>(record_version));
  header.u16(static_cast<uint16_t>(data.size()));
  Hmac h(mac_hash(mac_), key_);
  h.update(header.data());
  h.update(data);
  return h.finish();
}

void RecordMac::burn(size_t bytes) const {
  if (mac_ == MacAlgorithm::none || bytes == 0) return;
  static const Bytes kZeros(kBurnChunk, 0);
  Hash h(mac_hash(mac_));
  for (size_t left = bytes; left > 0;) {
    const size_t n = left < kBurnChunk ? left : kBurnChunk;
    h.update(ByteView(kZeros).first(n));
    left -= n;
  }
  (void)h.digest();
}

}  // namespace gauntlet
