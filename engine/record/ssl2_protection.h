// SSL 2.0 record protection (SSL 2.0 spec §1.2): MAC-DATA = MD5(SECRET ||
// ACTUAL-DATA || PADDING-DATA || SEQUENCE-NUMBER), then MAC-DATA ||
// ACTUAL-DATA || PADDING-DATA encrypted as one, SECRET being the sender's
// write key (the receiver's read key).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/ssl2_cipher.h"
#include "engine/record/ssl2_record.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet {

constexpr size_t kSsl2MacSize = 16;  // MD5, the only hash of every kind

// One direction of the SSL 2.0 record layer. The 32-bit sequence number
// starts at 0 with CLIENT-HELLO / SERVER-HELLO and counts every record,
// clear ones too, wrapping after 0xffffffff (§1.2). So one object carries a
// direction from its first record and switches to the cipher when the
// session keys are known; the count goes on.
class Ssl2RecordProtection {
 public:
  // Clear records: no MAC and no padding (§1.2).
  Ssl2RecordProtection() = default;

  // Protect every later record with `kind` under `key` (this side's write
  // key when dir is encrypt, its read key when decrypt) and the KEY-ARG-DATA
  // IV; internal_error for a cipher this libcrypto lacks or bad key sizes.
  Status start_cipher(Ssl2CipherKind kind, ByteView key, ByteView key_arg, CipherDirection dir);
  bool protected_records() const { return cipher_.has_value(); }

  // The whole record (header included) carrying `data`, 1 to
  // max_data(form) bytes: the 2-byte header unless the block cipher needs padding or
  // `form` asks for three bytes. internal_error outside those bounds.
  Result<Bytes> seal(ByteView data, Ssl2HeaderForm form = Ssl2HeaderForm::two_byte);
  // ACTUAL-DATA of a record from read_ssl2_record. A damaged protected
  // record — a body shorter than the MAC or not whole blocks, padding a
  // block or more, a MAC that differs (compared in constant time) — is the
  // spec's "I/O error": bad_record_mac, after which the connection closes
  // without an ERROR message. A clear record with padding or no data is
  // decode_error.
  Result<Bytes> open(const Ssl2RecordView& record);

  // The most data one record with this header form can carry in this state,
  // whatever padding it needs (padding takes the 3-byte header's smaller
  // limit, 16383 bytes, whichever form was asked for).
  size_t max_data(Ssl2HeaderForm form = Ssl2HeaderForm::two_byte) const;
  uint32_t next_sequence() const { return sequence_; }
  // Lets a caller take over a direction mid-stream (tests, captures).
  void set_next_sequence(uint32_t n) { sequence_ = n; }

 private:
  Bytes mac(ByteView data_and_padding, uint32_t sequence) const;

  std::optional<Ssl2Cipher> cipher_;
  Bytes secret_;
  uint32_t sequence_ = 0;
};

}  // namespace gauntlet
