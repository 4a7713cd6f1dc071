#include "engine/record/protection_aead.h"

#include <algorithm>
#include <array>

namespace gauntlet {
namespace {

constexpr size_t kExplicitNonceSize = 8;
constexpr size_t kNonceSize = 12;

// Per-record values live on the stack: built with a Writer they cost more
// allocations than the cipher itself on a short record.
void store_u64(uint8_t* out, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<uint8_t>(v);
}

std::array<uint8_t, 13> additional_data(uint64_t seq, ContentType type, ProtocolVersion version,
                                        size_t length) {
  std::array<uint8_t, 13> ad;
  store_u64(ad.data(), seq);
  ad[8] = static_cast<uint8_t>(type);
  ad[9] = static_cast<uint8_t>(static_cast<uint16_t>(version) >> 8);
  ad[10] = static_cast<uint8_t>(static_cast<uint16_t>(version));
  ad[11] = static_cast<uint8_t>(length >> 8);
  ad[12] = static_cast<uint8_t>(length);
  return ad;
}

// RFC 5288 §3: the 4-byte salt, then the explicit part.
std::array<uint8_t, kNonceSize> salted_nonce(ByteView salt, ByteView explicit_nonce) {
  std::array<uint8_t, kNonceSize> nonce;
  std::copy_n(salt.begin(), 4, nonce.begin());
  std::copy_n(explicit_nonce.begin(), kExplicitNonceSize, nonce.begin() + 4);
  return nonce;
}

// RFC 7905 §2: the 12-byte IV XOR the sequence number (xor_nonce() on the
// stack).
std::array<uint8_t, kNonceSize> xored_nonce(ByteView iv, uint64_t seq) {
  std::array<uint8_t, kNonceSize> nonce;
  std::copy_n(iv.begin(), kNonceSize, nonce.begin());
  for (size_t i = 0; i < 8; ++i, seq >>= 8) nonce[kNonceSize - 1 - i] ^= static_cast<uint8_t>(seq);
  return nonce;
}

Status check_fixed_iv(AeadNonce form, ByteView iv) {
  const size_t want = form == AeadNonce::explicit_counter ? 4 : kNonceSize;
  if (iv.size() != want) return internal_error("AEAD fixed IV of the wrong size");
  return ok_status();
}

}  // namespace

Bytes xor_nonce(ByteView iv, uint64_t seq) {
  Bytes nonce(iv.begin(), iv.end());
  for (size_t i = 0; i < 8 && i < nonce.size(); ++i, seq >>= 8) {
    nonce[nonce.size() - 1 - i] ^= static_cast<uint8_t>(seq);
  }
  return nonce;
}

Result<Bytes> AeadProtection::seal(ContentType type, ProtocolVersion version, ByteView plaintext) {
  return seal_with(type, version, plaintext, std::nullopt);
}

Result<Bytes> AeadProtection::seal_shaped(ContentType type, ProtocolVersion version,
                                          ByteView plaintext, const SealShape& shape) {
  if (!shape.explicit_nonce) return RecordProtection::seal_shaped(type, version, plaintext, shape);
  if (nonce_ != AeadNonce::explicit_counter || shape.explicit_nonce->size() != kExplicitNonceSize) {
    return internal_error("only an RFC 5288 record carries an 8-byte explicit nonce");
  }
  if (shape.pads()) return internal_error("only CBC records have padding to shape");
  auto sealed = seal_with(type, version, plaintext, shape.explicit_nonce);
  if (sealed && shape.flip_mac) sealed->back() ^= 0x01;
  return sealed;
}

Result<Bytes> AeadProtection::seal_with(ContentType type, ProtocolVersion version,
                                        ByteView plaintext, const std::optional<Bytes>& explicit_nonce) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  // One buffer for the explicit nonce, the ciphertext and the tag.
  const size_t prefix = nonce_ == AeadNonce::explicit_counter ? kExplicitNonceSize : 0;
  Bytes out(prefix + plaintext.size() + kAeadTagSize);
  if (Status s = check_fixed_iv(nonce_, fixed_iv_); !s) return s.error();
  std::array<uint8_t, kNonceSize> nonce;
  if (nonce_ == AeadNonce::explicit_counter) {
    // Any unique value will do; the sequence number is (RFC 5288 §3).
    if (explicit_nonce) {
      std::copy_n(explicit_nonce->begin(), kExplicitNonceSize, out.begin());
    } else {
      store_u64(out.data(), *seq);
    }
    nonce = salted_nonce(fixed_iv_, ByteView(out).first(kExplicitNonceSize));
  } else {
    nonce = xored_nonce(fixed_iv_, *seq);
  }
  const auto ad = additional_data(*seq, type, version, plaintext.size());
  if (Status s = cipher_.seal_into(nonce, ad, plaintext, std::span(out).subspan(prefix)); !s) {
    return s.error();
  }
  return out;
}

Result<OpenedRecord> AeadProtection::open(ContentType type, ProtocolVersion version,
                                          ByteView fragment) {
  if (Status s = check_ciphertext_size(fragment); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Reader r(fragment);
  if (Status s = check_fixed_iv(nonce_, fixed_iv_); !s) return s.error();
  std::array<uint8_t, kNonceSize> nonce;
  if (nonce_ == AeadNonce::explicit_counter) {
    ByteView explicit_nonce;
    if (!r.bytes(kExplicitNonceSize, explicit_nonce)) {
      return bad_record_mac("AEAD record shorter than its explicit nonce");
    }
    nonce = salted_nonce(fixed_iv_, explicit_nonce);
  } else {
    nonce = xored_nonce(fixed_iv_, *seq);
  }
  if (r.remaining() < kAeadTagSize) return bad_record_mac("AEAD record shorter than its tag");
  const size_t length = r.remaining() - kAeadTagSize;
  auto opened = cipher_.open(nonce, additional_data(*seq, type, version, length), r.rest());
  if (!opened) return opened.error();
  if (Status s = check_plaintext_size(opened->size(), false); !s) return s.error();
  return OpenedRecord{type, std::move(*opened)};
}

}  // namespace gauntlet
