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

RecordMac::RecordMac(ProtocolVersion version, MacAlgorithm mac, Bytes key)
    : version_(version), mac_(mac), key_(std::move(key)) {
  if (mac_ != MacAlgorithm::none && version_ != ProtocolVersion::ssl3) {
    keyed_.emplace(mac_hash(mac_), key_);
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
  Hmac h = *keyed_;
  h.update(header.data());
  h.update(data);
  return h.finish();
}

size_t RecordMac::inner_blocks(size_t length) const {
  const HashAlgorithm h = mac_hash(mac_);
  const size_t block = block_size(h);
  // RFC 6101 §5.2.3.1: secret + pad_1 (48 bytes for MD5, 40 for SHA-1) +
  // seq + type + length; HMAC: one key block + seq + type + version + length.
  const size_t prefix = version_ == ProtocolVersion::ssl3
                            ? key_.size() + (h == HashAlgorithm::md5 ? 48 : 40) + 11
                            : block + 13;
  // Merkle-Damgard padding: a 0x80 byte and a length field of block/8 bytes.
  const size_t padded = prefix + length + 1 + block / 8;
  return (padded + block - 1) / block;
}

void RecordMac::equalize_cost(size_t length, size_t max_length) const {
  if (mac_ == MacAlgorithm::none) return;
  const size_t extra = inner_blocks(max_length) - inner_blocks(length);
  const size_t block = block_size(mac_hash(mac_));
  static const Bytes kZeros(128, 0);
  Hash h(mac_hash(mac_));
  for (size_t i = 0; i < extra; ++i) h.update(ByteView(kZeros).first(block));
  (void)h.digest();
}

}  // namespace gauntlet
