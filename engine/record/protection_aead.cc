#include "engine/record/protection_aead.h"

#include "engine/base/writer.h"
#include "engine/record/record_header.h"

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

Error overflow() { return {AlertDescription::record_overflow, "plaintext over 2^14 bytes"}; }
Error too_short() { return {AlertDescription::bad_record_mac, "AEAD record shorter than its tag"}; }

}  // namespace

Bytes xor_nonce(ByteView iv, uint64_t seq) {
  Bytes nonce(iv.begin(), iv.end());
  for (size_t i = 0; i < 8 && i < nonce.size(); ++i) {
    nonce[nonce.size() - 1 - i] ^= static_cast<uint8_t>(seq >> (8 * i));
  }
  return nonce;
}

Result<Bytes> AeadProtection::seal(ContentType type, ProtocolVersion version, ByteView plaintext) {
  if (plaintext.size() > kMaxPlaintext) return internal_error("plaintext over 2^14 bytes");
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Writer out;
  Bytes nonce;
  if (explicit_) {
    Writer n;
    n.bytes(fixed_iv_);
    n.u64(*seq);  // any unique value will do; the sequence number is (RFC 5288 §3)
    nonce = n.take();
    out.u64(*seq);
  } else {
    nonce = xor_nonce(fixed_iv_, *seq);
  }
  auto sealed = cipher_.seal(nonce, additional_data(*seq, type, version, plaintext.size()),
                             plaintext);
  if (!sealed) return sealed.error();
  out.bytes(*sealed);
  return out.take();
}

Result<OpenedRecord> AeadProtection::open(ContentType type, ProtocolVersion version,
                                          ByteView fragment) {
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Reader r(fragment);
  Bytes nonce;
  if (explicit_) {
    ByteView explicit_nonce;
    if (!r.bytes(kExplicitNonceSize, explicit_nonce)) return too_short();
    nonce = fixed_iv_;
    nonce.insert(nonce.end(), explicit_nonce.begin(), explicit_nonce.end());
  } else {
    nonce = xor_nonce(fixed_iv_, *seq);
  }
  if (r.remaining() < kAeadTagSize) return too_short();
  const size_t length = r.remaining() - kAeadTagSize;
  auto opened = cipher_.open(nonce, additional_data(*seq, type, version, length), r.rest());
  if (!opened) return opened.error();
  if (opened->size() > kMaxPlaintext) return overflow();
  return OpenedRecord{type, std::move(*opened)};
}

Result<Bytes> Tls13Protection::seal(ContentType type, ProtocolVersion, ByteView plaintext) {
  if (plaintext.size() > kMaxPlaintext) return internal_error("plaintext over 2^14 bytes");
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Bytes inner(plaintext.begin(), plaintext.end());
  inner.push_back(static_cast<uint8_t>(type));
  inner.resize(inner.size() + padding_, 0);
  Writer aad;
  aad.u8(static_cast<uint8_t>(ContentType::application_data));
  aad.u16(static_cast<uint16_t>(ProtocolVersion::tls12));
  aad.u16(static_cast<uint16_t>(inner.size() + kAeadTagSize));
  return cipher_.seal(xor_nonce(iv_, *seq), aad.data(), inner);
}

Result<OpenedRecord> Tls13Protection::open(ContentType type, ProtocolVersion version,
                                           ByteView fragment) {
  if (type != ContentType::application_data) {
    return Error{AlertDescription::unexpected_message,
                 "protected TLS 1.3 record of type " + iana_name(type)};
  }
  if (fragment.size() > kMaxTls13Ciphertext) {
    return Error{AlertDescription::record_overflow, "TLS 1.3 ciphertext over 2^14+256 bytes"};
  }
  auto seq = seq_.take();
  if (!seq) return seq.error();
  if (fragment.size() < kAeadTagSize + 1) return too_short();
  Writer aad;
  aad.u8(static_cast<uint8_t>(type));
  aad.u16(static_cast<uint16_t>(version));
  aad.u16(static_cast<uint16_t>(fragment.size()));
  auto inner = cipher_.open(xor_nonce(iv_, *seq), aad.data(), fragment);
  if (!inner) return inner.error();
  // RFC 8446 §5.4: the real type is the last non-zero byte.
  while (!inner->empty() && inner->back() == 0) inner->pop_back();
  if (inner->empty()) {
    return Error{AlertDescription::unexpected_message, "TLS 1.3 record with no content type"};
  }
  const auto inner_type = static_cast<ContentType>(inner->back());
  inner->pop_back();
  if (inner->size() > kMaxPlaintext) return overflow();
  if (!known_content_type(static_cast<uint8_t>(inner_type))) {
    return Error{AlertDescription::unexpected_message, "TLS 1.3 record of unknown inner type"};
  }
  return OpenedRecord{inner_type, std::move(*inner)};
}

}  // namespace gauntlet
