#include "engine/record/protection_aead.h"

#include <algorithm>
#include <functional>

#include "engine/base/writer.h"

namespace gauntlet {
namespace {

constexpr size_t kExplicitNonceSize = 8;

Bytes additional_data(uint64_t seq, ContentType type, ProtocolVersion version, size_t length) {
  Writer w;
  w.u64(seq);
  w.u8(static_cast<uint8_t>(type));
  w.u16(static_cast<uint16_t>(version));
  w.u16(static_cast<uint16_t>(length));
  return w.take();
}

}  // namespace

Bytes xor_nonce(ByteView iv, uint64_t seq) {
  Writer padded;
  for (size_t i = 8; i < iv.size(); ++i) padded.u8(0);
  padded.u64(seq);
  const ByteView tail = ByteView(padded.data()).last(std::min(iv.size(), padded.size()));
  Bytes nonce(iv.begin(), iv.end());
  std::transform(tail.begin(), tail.end(), nonce.end() - static_cast<ptrdiff_t>(tail.size()),
                 nonce.end() - static_cast<ptrdiff_t>(tail.size()), std::bit_xor<uint8_t>());
  return nonce;
}

Result<Bytes> AeadProtection::seal(ContentType type, ProtocolVersion version, ByteView plaintext) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Writer out;
  Bytes nonce;
  if (nonce_ == AeadNonce::explicit_counter) {
    Writer n;
    n.bytes(fixed_iv_);
    n.u64(*seq);  // any unique value will do; the sequence number is (RFC 5288 §3)
    nonce = n.take();
    out.u64(*seq);
  } else {
    nonce = xor_nonce(fixed_iv_, *seq);
  }
  auto sealed =
      cipher_.seal(nonce, additional_data(*seq, type, version, plaintext.size()), plaintext);
  if (!sealed) return sealed.error();
  out.bytes(*sealed);
  return out.take();
}

Result<OpenedRecord> AeadProtection::open(ContentType type, ProtocolVersion version,
                                          ByteView fragment) {
  if (Status s = check_ciphertext_size(fragment); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Reader r(fragment);
  Bytes nonce;
  if (nonce_ == AeadNonce::explicit_counter) {
    ByteView explicit_nonce;
    if (!r.bytes(kExplicitNonceSize, explicit_nonce)) {
      return bad_record_mac("AEAD record shorter than its explicit nonce");
    }
    Writer n;
    n.bytes(fixed_iv_);
    n.bytes(explicit_nonce);
    nonce = n.take();
  } else {
    nonce = xor_nonce(fixed_iv_, *seq);
  }
  if (r.remaining() < kAeadTagSize) return bad_record_mac("AEAD record shorter than its tag");
  const size_t length = r.remaining() - kAeadTagSize;
  auto opened = cipher_.open(nonce, additional_data(*seq, type, version, length), r.rest());
  if (!opened) return opened.error();
  if (Status s = check_plaintext_size(opened->size(), false); !s) return s.error();
  return OpenedRecord{type, std::move(*opened)};
}

}  // namespace gauntlet
