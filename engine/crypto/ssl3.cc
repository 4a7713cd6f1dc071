#include "engine/crypto/ssl3.h"

#include <algorithm>

#include "engine/base/writer.h"

namespace gauntlet {

namespace {

constexpr uint8_t kPad1 = 0x36;
constexpr uint8_t kPad2 = 0x5c;

// RFC 6101 §5.2.3.1: pad_1 and pad_2 are 48 bytes for MD5, 40 for SHA-1.
size_t pad_size(HashAlgorithm h) { return h == HashAlgorithm::md5 ? 48 : 40; }

Bytes pad(HashAlgorithm h, uint8_t byte) { return Bytes(pad_size(h), byte); }

// The outer step shared by the MAC, Finished and CertificateVerify:
// hash(secret + pad_2 + inner).
Bytes outer_hash(HashAlgorithm h, ByteView secret, ByteView inner) {
  Hash outer(h);
  outer.update(secret);
  outer.update(pad(h, kPad2));
  outer.update(inner);
  return outer.digest();
}

// hash(handshake_messages + sender + master_secret + pad_1), then the outer
// step; sender is empty for CertificateVerify.
Bytes handshake_hash(const Hash& transcript, ByteView sender, ByteView master_secret) {
  HashAlgorithm h = transcript.algorithm();
  Hash inner = transcript;
  inner.update(sender);
  inner.update(master_secret);
  inner.update(pad(h, kPad1));
  return outer_hash(h, master_secret, inner.digest());
}

Bytes concat(Bytes a, ByteView b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

Bytes ssl3_prf(ByteView secret, ByteView seed, size_t length) {
  Bytes out;
  out.reserve(length + digest_size(HashAlgorithm::md5));
  // Labels "A", "BB", "CCC", ... up to 26 Zs (RFC 6101 §6.2.2).
  for (uint8_t i = 0; out.size() < length && i < kSsl3PrfMaxLength / 16; ++i) {
    Hash sha1(HashAlgorithm::sha1);
    sha1.update(Bytes(i + 1, static_cast<uint8_t>('A' + i)));
    sha1.update(secret);
    sha1.update(seed);
    Hash md5(HashAlgorithm::md5);
    md5.update(secret);
    md5.update(sha1.digest());
    Bytes block = md5.digest();
    out.insert(out.end(), block.begin(), block.end());
  }
  out.resize(std::min(length, kSsl3PrfMaxLength));
  return out;
}

Bytes ssl3_mac(HashAlgorithm h, ByteView mac_key, uint64_t seq, uint8_t content_type,
               ByteView fragment) {
  Writer header;
  header.u64(seq);
  header.u8(content_type);
  header.u16(static_cast<uint16_t>(fragment.size()));
  Hash inner(h);
  inner.update(mac_key);
  inner.update(pad(h, kPad1));
  inner.update(header.data());
  inner.update(fragment);
  return outer_hash(h, mac_key, inner.digest());
}

Bytes ssl3_finished(const Hash& md5, const Hash& sha1, uint32_t sender, ByteView master_secret) {
  Writer s;
  s.u32(sender);
  return concat(handshake_hash(md5, s.data(), master_secret),
                handshake_hash(sha1, s.data(), master_secret));
}

Bytes ssl3_cert_verify_hash(const Hash& md5, const Hash& sha1, ByteView master_secret) {
  return concat(handshake_hash(md5, {}, master_secret), handshake_hash(sha1, {}, master_secret));
}

}  // namespace gauntlet
