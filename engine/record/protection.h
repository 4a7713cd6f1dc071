// Record protection (RFC 5246 §6.2.3, RFC 8446 §5.2): one class per mode
// behind one interface, each with its own sequence number. seal() turns a
// plaintext fragment into a record body; open() does the reverse and answers
// any failure with the alert the RFC names (bad_record_mac, record_overflow).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/random.h"
#include "engine/record/sequence_number.h"
#include "engine/registry/algorithm_ids.h"
#include "engine/registry/content_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct OpenedRecord {
  ContentType type;  // differs from the outer type only in TLS 1.3
  Bytes plaintext;
};

// A record built to order for the conformance runner, never in normal
// operation: how one seal departs from RFC 5246 §6.2.3 while the rest of it
// (the MAC over the real content, the encryption) stays right, so a
// receiver is tested on exactly one check.
struct SealShape {
  // The MAC (or AEAD tag) wrong by one bit, the padding right.
  bool flip_mac = false;
  // CBC (RFC 5246 §6.2.3.2): as many padding bytes as fit in `padding`
  // (at most 255) keeping whole blocks; at least the fewest. TLS 1.3 (RFC
  // 8446 §5.4): that many zero bytes, any number.
  std::optional<size_t> padding{};
  // The padding_length byte as written, whatever the padding's size.
  std::optional<uint8_t> padding_length{};
  // Every padding byte (RFC 5246 wants each equal to padding_length; SSL 3.0
  // leaves them free, RFC 6101 §5.2.3.2).
  std::optional<uint8_t> padding_fill{};
  // This padding byte (0 the first, -1 the last) with its low bit flipped.
  std::optional<int> flip_padding_at{};

  // The explicit IV of a CBC record (TLS 1.1 and up, RFC 5246 §6.2.3.2) or
  // the nonce_explicit of an AES-GCM or CCM one (RFC 5288 §3), as sent: both
  // are the sender's to choose, so a receiver must take any value.
  std::optional<Bytes> explicit_nonce{};

  bool pads() const { return padding || padding_length || padding_fill || flip_padding_at; }
  bool any() const { return flip_mac || pads() || explicit_nonce; }
};

class RecordProtection {
 public:
  virtual ~RecordProtection() = default;
  // `version` is the record header's version, which the MAC or AAD covers.
  virtual Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) = 0;
  virtual Result<OpenedRecord> open(ContentType type, ProtocolVersion version,
                                    ByteView fragment) = 0;
  // seal() with `shape`'s departures. Padding is CBC's and TLS 1.3's; elsewhere the
  // MAC or tag is the fragment's last byte, and flipping it after sealing
  // (a stream cipher's ciphertext bit is its plaintext's) changes nothing else.
  virtual Result<Bytes> seal_shaped(ContentType type, ProtocolVersion version, ByteView plaintext,
                                    const SealShape& shape);
  // The header's type for a sealed record of `type`; TLS 1.3 says
  // application_data whatever the record holds (RFC 8446 §5.2).
  virtual ContentType outer_type(ContentType type) const { return type; }
  // TLS 1.3: this key nears its AEAD's record limit (RFC 8446 §5.5).
  virtual bool key_update_due() const { return false; }

  // The sequence number the next record will use. Setting it lets a caller
  // take over a direction mid-stream (tests, fuzzing, captured traffic).
  uint64_t next_sequence() const { return seq_.peek(); }
  void set_next_sequence(uint64_t n) { seq_ = SequenceNumber(n); }

 protected:
  SequenceNumber seq_;
};

struct ProtectionParams {
  ProtocolVersion version;
  CipherAlgorithm cipher = CipherAlgorithm::null;
  MacAlgorithm mac = MacAlgorithm::none;
  bool encrypt_then_mac = false;  // RFC 7366, CBC suites only
  Bytes mac_key, key, iv;         // iv: the fixed IV from the key block, if any
  CipherDirection direction = CipherDirection::encrypt;
  // For TLS 1.1+ explicit CBC IVs; must outlive the protection object.
  RandomSource* random = nullptr;
  // A lax receiver for the conformance runner's mutation table: CBC padding
  // bytes are not compared with the length byte (only the length is).
  bool unchecked_padding = false;
};

// The initial TLS_NULL_WITH_NULL_NULL state: records pass through unchanged.
std::unique_ptr<RecordProtection> make_null_protection();

// internal_error when the parameters do not fit together (wrong key sizes, a
// MAC with an AEAD, encrypt-then-MAC without CBC, ...).
Result<std::unique_ptr<RecordProtection>> make_protection(ProtectionParams params);

// The errors every mode shares. All MAC, padding, tag and length failures of
// a protected record are one bad_record_mac (RFC 5246 §7.2.2), so a failure
// reveals nothing about which check failed.
Error bad_record_mac(std::string reason);
Error record_overflow(std::string reason);
// record_overflow for a TLSCiphertext fragment over 2^14+2048 bytes
// (RFC 5246 §6.2.3).
Status check_ciphertext_size(ByteView fragment);
// record_overflow for a decrypted fragment over 2^14 bytes (RFC 5246 §6.2.1);
// internal_error when asked to seal one.
Status check_plaintext_size(size_t size, bool sealing);

}  // namespace gauntlet
