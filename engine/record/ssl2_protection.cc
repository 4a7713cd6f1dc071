#include "engine/record/ssl2_protection.h"

#include <algorithm>
#include <array>
#include <string>

#include "engine/crypto/constant_time.h"
#include "engine/crypto/hash.h"

namespace gauntlet {
namespace {

Error io_error(std::string reason) { return {AlertDescription::bad_record_mac, std::move(reason)}; }

}  // namespace

Status Ssl2RecordProtection::start_cipher(Ssl2CipherKind kind, ByteView key, ByteView key_arg,
                                          CipherDirection dir) {
  Result<Ssl2Cipher> cipher = Ssl2Cipher::create(kind, key, key_arg, dir);
  if (!cipher) return cipher.error();
  cipher_.emplace(std::move(*cipher));
  secret_.assign(key.begin(), key.end());
  return ok_status();
}

Bytes Ssl2RecordProtection::mac(ByteView data_and_padding, uint32_t sequence) const {
  const std::array<uint8_t, 4> number{
      static_cast<uint8_t>(sequence >> 24), static_cast<uint8_t>(sequence >> 16),
      static_cast<uint8_t>(sequence >> 8), static_cast<uint8_t>(sequence)};
  Hash md5(HashAlgorithm::md5);
  md5.update(secret_);
  md5.update(data_and_padding);
  md5.update(number);
  return md5.digest();
}

size_t Ssl2RecordProtection::max_data(Ssl2HeaderForm form) const {
  const size_t limit =
      form == Ssl2HeaderForm::two_byte ? kSsl2MaxTwoByteLength : kSsl2MaxThreeByteLength;
  if (!cipher_) return limit;
  const size_t bs = cipher_->block_size();
  if (bs == 1) return limit - kSsl2MacSize;
  return kSsl2MaxThreeByteLength / bs * bs - kSsl2MacSize;
}

Result<Bytes> Ssl2RecordProtection::seal(ByteView data, Ssl2HeaderForm form) {
  if (data.empty() || data.size() > max_data(form)) {
    return internal_error("SSLv2 record data must be 1 to " + std::to_string(max_data(form)) +
                          " bytes");
  }
  const uint32_t sequence = sequence_++;
  if (!cipher_) {
    Result<Bytes> record = write_ssl2_header(data.size(), 0, form);
    if (!record) return record.error();
    record->insert(record->end(), data.begin(), data.end());
    return record;
  }
  const size_t bs = cipher_->block_size();
  const size_t padding = (bs - (kSsl2MacSize + data.size()) % bs) % bs;
  const size_t length = kSsl2MacSize + data.size() + padding;
  Result<Bytes> record = write_ssl2_header(length, padding, form);
  if (!record) return record.error();
  const size_t header_size = record->size();
  // The padding's value is unimportant (§1.1) but MACed: zeros.
  record->resize(header_size + kSsl2MacSize);
  record->insert(record->end(), data.begin(), data.end());
  record->resize(header_size + length, 0);
  const std::span<uint8_t> body = std::span<uint8_t>(*record).subspan(header_size);
  const Bytes tag = mac(body.subspan(kSsl2MacSize), sequence);
  std::ranges::copy(tag, body.begin());
  if (Status s = cipher_->process(body, body); !s) return s.error();
  return record;
}

Result<Bytes> Ssl2RecordProtection::open(const Ssl2RecordView& record) {
  const uint32_t sequence = sequence_++;
  if (!cipher_) {
    if (record.padding != 0 || record.body.empty()) {
      return decode_error("clear SSLv2 record with padding or without data");
    }
    return Bytes(record.body.begin(), record.body.end());
  }
  // Lengths and padding are in the clear header: refusing them first tells
  // an attacker nothing it did not send.
  const size_t bs = cipher_->block_size();
  if (record.body.size() < kSsl2MacSize + record.padding || record.body.size() % bs != 0 ||
      record.padding >= bs) {
    return io_error("SSLv2 record length or padding does not fit the cipher");
  }
  Bytes body(record.body.size());
  if (Status s = cipher_->process(record.body, body); !s) return s.error();
  const ByteView clear(body);
  const Bytes expected = mac(clear.subspan(kSsl2MacSize), sequence);
  if (!ct_equal(expected, clear.first(kSsl2MacSize))) {
    return io_error("SSLv2 record MAC mismatch");
  }
  return Bytes(body.begin() + kSsl2MacSize,
               body.end() - static_cast<std::ptrdiff_t>(record.padding));
}

}  // namespace gauntlet
