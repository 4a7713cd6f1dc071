#include "engine/record/protection_cbc.h"

#include <algorithm>

#include "engine/crypto/constant_time.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

// Padding is at most 255 bytes plus the length byte (RFC 5246 §6.2.3.2).
constexpr size_t kMaxPaddingWindow = 256;

size_t widen(uint8_t mask) { return size_t{0} - (mask & 1u); }

size_t ct_select_size(uint8_t mask, size_t a, size_t b) {
  const size_t w = widen(mask);
  return (a & w) | (b & ~w);
}

uint8_t bool_mask(bool b) { return static_cast<uint8_t>(0u - static_cast<uint8_t>(b)); }

// All-ones if the padding of `decrypted` is valid and leaves room for
// `overhead` more bytes (the MAC) in front of it. Constant time in the
// padding length: the same window of bytes is always inspected.
uint8_t check_padding(ProtocolVersion version, size_t block_size, ByteView decrypted,
                      size_t overhead, bool content = true) {
  const size_t n = decrypted.size();
  const size_t pad = decrypted.back();
  uint8_t good = static_cast<uint8_t>(~ct_lt_mask(n, pad + 1 + overhead));
  if (!content) return good;
  if (version == ProtocolVersion::ssl3) {
    // RFC 6101 §5.2.3.2: the padding content is arbitrary; it must be shorter
    // than one block.
    return good & ct_lt_mask(pad, block_size);
  }
  const ByteView window = decrypted.last(std::min(n, kMaxPaddingWindow));
  uint8_t bad = 0;
  size_t from_end = window.size();
  for (uint8_t b : window) {
    --from_end;
    bad |= ct_lt_mask(from_end, pad + 1) & static_cast<uint8_t>(b ^ pad);
  }
  return good & ct_eq_mask(bad, 0);
}

}  // namespace

CbcCheck check_cbc_record(ProtocolVersion version, size_t block_size, const RecordMac& mac,
                          uint64_t seq, ContentType type, ProtocolVersion record_version,
                          ByteView decrypted, bool padding_content) {
  const size_t n = decrypted.size();
  const size_t m = mac.size();
  const size_t pad = decrypted.back();
  uint8_t good = check_padding(version, block_size, decrypted, m, padding_content);

  // On bad padding, MAC the longest candidate so the work is the same.
  const size_t max_length = n - 1 - m;
  const size_t length = ct_select_size(good, n - 1 - pad - m, max_length);

  // Copy the received MAC out from a secret offset without a secret-dependent
  // address: scan every position it could start at.
  Bytes received(m, 0);
  const size_t from = max_length > kMaxPaddingWindow ? max_length - kMaxPaddingWindow : 0;
  size_t position = from;
  for (uint8_t b : decrypted.subspan(from, n - 1 - from)) {
    for (size_t j = 0; j < m; ++j) received[j] |= b & ct_eq_mask(position, length + j);
    ++position;
  }

  const Bytes expected = mac.compute(seq, type, record_version, decrypted.first(length));
  mac.equalize_cost(length, max_length);
  good &= bool_mask(ct_equal(expected, received));
  return {good, length};
}

CbcProtection::CbcProtection(ProtocolVersion version, CbcCipher cipher, RecordMac mac,
                             bool encrypt_then_mac, RandomSource* random, bool unchecked_padding)
    : version_(version),
      cipher_(std::move(cipher)),
      mac_(std::move(mac)),
      encrypt_then_mac_(encrypt_then_mac),
      random_(random),
      unchecked_padding_(unchecked_padding) {}

Status CbcProtection::pad(Bytes& data, const SealShape& shape) const {
  const size_t bs = cipher_.block_size();
  size_t padding = (bs - (data.size() + 1) % bs) % bs;
  // The most that fits in the asked-for size, in whole blocks.
  if (shape.padding && *shape.padding > padding) {
    padding += (std::min<size_t>(*shape.padding, 255) - padding) / bs * bs;
  }
  const auto length = shape.padding_length.value_or(static_cast<uint8_t>(padding));
  const size_t from = data.size();
  data.insert(data.end(), padding, shape.padding_fill.value_or(length));
  data.push_back(length);
  if (shape.flip_padding_at) {
    const int at = *shape.flip_padding_at;
    const auto index = static_cast<size_t>(at < 0 ? static_cast<int>(padding) + at : at);
    if (index >= padding) return internal_error("no such padding byte to flip");
    data[from + index] ^= 0x01;
  }
  return ok_status();
}

Result<Bytes> CbcProtection::encrypt(Bytes data, const std::optional<Bytes>& iv) {
  Bytes out;
  if (version_ >= ProtocolVersion::tls11) {
    if (iv && iv->size() != cipher_.block_size()) {
      return internal_error("an explicit IV is one block long");
    }
    out = iv ? *iv : random_->bytes(cipher_.block_size());  // RFC 5246 §6.2.3.2 explicit IV
    cipher_.set_iv(out);
  } else if (iv) {
    return internal_error("records before TLS 1.1 carry no explicit IV");
  }
  const size_t offset = out.size();
  out.resize(offset + data.size());
  if (Status s = cipher_.process(data, std::span<uint8_t>(out).subspan(offset)); !s) {
    return s.error();
  }
  return out;
}

Result<Bytes> CbcProtection::decrypt(ByteView fragment) {
  ByteView body = fragment;
  if (version_ >= ProtocolVersion::tls11) {
    cipher_.set_iv(fragment.first(cipher_.block_size()));
    body = fragment.subspan(cipher_.block_size());
  }
  Bytes out(body.size());
  if (Status s = cipher_.process(body, out); !s) return s.error();
  return out;
}

Result<Bytes> CbcProtection::seal_shaped(ContentType type, ProtocolVersion version,
                                         ByteView plaintext, const SealShape& shape) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Bytes data(plaintext.begin(), plaintext.end());
  if (!encrypt_then_mac_) {
    Bytes mac = mac_.compute(*seq, type, version, plaintext);
    if (shape.flip_mac) mac.back() ^= 0x01;
    data.insert(data.end(), mac.begin(), mac.end());
  }
  if (Status s = pad(data, shape); !s) return s.error();
  auto out = encrypt(std::move(data), shape.explicit_nonce);
  if (!out || !encrypt_then_mac_) return out;
  // RFC 7366 §3: the MAC covers the IV and ciphertext.
  Bytes mac = mac_.compute(*seq, type, version, *out);
  if (shape.flip_mac) mac.back() ^= 0x01;
  out->insert(out->end(), mac.begin(), mac.end());
  return out;
}

Result<OpenedRecord> CbcProtection::open(ContentType type, ProtocolVersion version,
                                         ByteView fragment) {
  if (Status s = check_ciphertext_size(fragment); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  return encrypt_then_mac_ ? open_encrypt_then_mac(*seq, type, version, fragment)
                           : open_mac_then_encrypt(*seq, type, version, fragment);
}

Result<OpenedRecord> CbcProtection::open_mac_then_encrypt(uint64_t seq, ContentType type,
                                                          ProtocolVersion version,
                                                          ByteView fragment) {
  const size_t bs = cipher_.block_size();
  const size_t iv = version_ >= ProtocolVersion::tls11 ? bs : 0;
  const size_t smallest = (mac_.size() + 1 + bs - 1) / bs * bs;  // MAC + length byte, padded
  if (fragment.size() < iv + smallest || (fragment.size() - iv) % bs != 0) {
    return bad_record_mac("CBC record too short or not a whole number of blocks");
  }
  auto decrypted = decrypt(fragment);
  if (!decrypted) return decrypted.error();
  const CbcCheck check =
      check_cbc_record(version_, bs, mac_, seq, type, version, *decrypted, !unchecked_padding_);
  if ((check.good & 1) == 0) return bad_record_mac("record MAC or padding does not verify");
  if (Status s = check_plaintext_size(check.length, false); !s) return s.error();
  decrypted->resize(check.length);
  return OpenedRecord{type, std::move(*decrypted)};
}

Result<OpenedRecord> CbcProtection::open_encrypt_then_mac(uint64_t seq, ContentType type,
                                                          ProtocolVersion version,
                                                          ByteView fragment) {
  const size_t bs = cipher_.block_size();
  const size_t m = mac_.size();
  const size_t iv = version_ >= ProtocolVersion::tls11 ? bs : 0;
  if (fragment.size() < iv + bs + m || (fragment.size() - m - iv) % bs != 0) {
    return bad_record_mac("encrypt-then-MAC record too short or not whole blocks");
  }
  const ByteView ciphertext = fragment.first(fragment.size() - m);
  if (!ct_equal(mac_.compute(seq, type, version, ciphertext), fragment.last(m))) {
    return bad_record_mac("encrypt-then-MAC record MAC does not verify");
  }
  auto decrypted = decrypt(ciphertext);
  if (!decrypted) return decrypted.error();
  if ((check_padding(version_, bs, *decrypted, 0, !unchecked_padding_) & 1) == 0) {
    return bad_record_mac("encrypt-then-MAC record padding is invalid");
  }
  const size_t length = decrypted->size() - 1 - decrypted->back();
  if (Status s = check_plaintext_size(length, false); !s) return s.error();
  decrypted->resize(length);
  return OpenedRecord{type, std::move(*decrypted)};
}

}  // namespace gauntlet
