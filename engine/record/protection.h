// Record protection (RFC 5246 §6.2.3, RFC 8446 §5.2): one class per mode
// behind one interface, each with its own sequence number. seal() turns a
// plaintext fragment into a record body; open() does the reverse and answers
// any failure with the alert the RFC names (bad_record_mac, record_overflow).
#pragma once

#include <memory>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/algorithm_ids.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/random.h"
#include "engine/registry/content_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct OpenedRecord {
  ContentType type;  // differs from the outer type only in TLS 1.3
  Bytes plaintext;
};

class RecordProtection {
 public:
  virtual ~RecordProtection() = default;
  virtual Result<Bytes> seal(ContentType type, ProtocolVersion version, ByteView plaintext) = 0;
  virtual Result<OpenedRecord> open(ContentType type, ProtocolVersion version,
                                    ByteView fragment) = 0;
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
};

// The initial TLS_NULL_WITH_NULL_NULL state: records pass through unchanged.
std::unique_ptr<RecordProtection> make_null_protection();

Result<std::unique_ptr<RecordProtection>> make_protection(ProtectionParams params);

}  // namespace gauntlet
